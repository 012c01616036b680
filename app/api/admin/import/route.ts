import { z } from "zod";
import { applyImport } from "@/lib/import/apply";
import { IMPORT_MAX_BYTES } from "@/lib/import/limits";
import { planImport } from "@/lib/import/plan";
import { summarisePlan } from "@/lib/import/plan-summary";
import { readImportFile } from "@/lib/import/read-upload";
import { parseOrThrow, ValidationError } from "@/lib/errors";
import { defineRoute, json } from "@/lib/http/route";

const ModeSchema = z.object({ mode: z.enum(["dry-run", "apply"], { error: 'must be "dry-run" or "apply"' }) });

/** The raw file as the body; ?mode=dry-run shows the plan, ?mode=apply writes it in one transaction. */
export const POST = defineRoute({ access: "admin", maxBodyBytes: IMPORT_MAX_BYTES }, async ({ request, db, user, bytes }) => {
  const { mode } = parseOrThrow(ModeSchema, { mode: new URL(request.url).searchParams.get("mode") ?? undefined });
  const parsed = readImportFile(await bytes());
  if (!parsed.ok) throw new ValidationError([{ field: "file", message: parsed.error }], parsed.error);
  if (mode === "dry-run") return json({ mode, plan: summarisePlan(await planImport(db, parsed)) });
  const { plan, milliseconds } = await applyImport(db, { id: user.id, name: user.name }, parsed);
  return json({ mode, plan: summarisePlan(plan), milliseconds: Math.round(milliseconds) });
});
