import { z } from "zod";
import { IMPORT_MAX_BYTES } from "@/lib/import/limits";
import { summarisePlan } from "@/lib/import/plan-summary";
import { runImport } from "@/lib/import/run";
import { parseOrThrow, ValidationError } from "@/lib/errors";
import { defineRoute, json } from "@/lib/http/route";

const ModeSchema = z.object({ mode: z.enum(["dry-run", "apply"], { error: 'must be "dry-run" or "apply"' }) });

/**
 * The raw file as the body; ?mode=dry-run shows the plan, ?mode=apply writes it in one
 * transaction. A large file is read and written in a worker thread, so the server keeps
 * answering meanwhile (lib/import/run.ts).
 */
export const POST = defineRoute({ access: "admin", maxBodyBytes: IMPORT_MAX_BYTES }, async ({ request, db, user, bytes }) => {
  const { mode } = parseOrThrow(ModeSchema, { mode: new URL(request.url).searchParams.get("mode") ?? undefined });
  const outcome = await runImport({ mode, actor: { id: user.id, name: user.name }, bytes: await bytes() }, db);
  if (!outcome.ok) throw new ValidationError([{ field: "file", message: outcome.error }], outcome.error);
  if (mode === "dry-run") return json({ mode, plan: summarisePlan(outcome.plan) });
  return json({ mode, plan: summarisePlan(outcome.plan), milliseconds: Math.round(outcome.milliseconds) });
});
