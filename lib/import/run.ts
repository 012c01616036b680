import type { Actor } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/create";
import { applyImport } from "./apply";
import type { ParsedImport } from "./candidate";

export function startImport(db: Db, _url: string, actor: Actor, parsed: Extract<ParsedImport, { ok: true }>) {
  return applyImport(db, actor, parsed);
}
