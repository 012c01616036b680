// An editor adds a translation of a mission's current reason, or says which language it was
// written in (decision 034): audited, announced, the original kept.
import { z } from "zod";
import type { Db } from "@/lib/db/create";
import type { SessionUser } from "@/lib/auth/sessions";
import { appendAudit } from "@/lib/audit/audit";
import { ConflictError } from "@/lib/errors";
import { requiredText } from "@/lib/input/text";
import { announceMissions, loadEditable } from "@/lib/missions/commands";
import { ReasonLanguageSchema, saveReasonText } from "./reason-texts";

export const ReasonTranslationSchema = z
  .object({
    language: ReasonLanguageSchema,
    /** The text in `language`; with `original: true`, leave it out: the reason is in `language`. */
    text: requiredText(500, "lines").optional(),
    original: z.boolean().default(false),
  })
  .strict()
  .refine((body) => body.original || body.text !== undefined, { path: ["text"], message: "is required for a translation" });

export async function translateCurrentReason(db: Db, user: SessionUser, missionId: number, body: z.output<typeof ReasonTranslationSchema>) {
  const mission = await db.$transaction(async (tx) => {
    const mission = await loadEditable(tx, user, missionId);
    if (!mission.statusReason) throw new ConflictError(`Mission ${missionId} has no reason to translate`, { fields: [{ field: "id", message: "the current status has no reason" }] });
    const text = body.original ? mission.statusReason : (body.text ?? "");
    await saveReasonText(tx, { missionId, original: mission.statusReason, language: body.language, text, isOriginal: body.original, authorName: user.name });
    await appendAudit(tx, user, { action: body.original ? "reason.language" : "reason.translate", entityType: "mission", entityId: missionId, after: { language: body.language, text } });
    return mission;
  });
  await announceMissions([{ id: missionId, hostCode: mission.hostCode, sendingCode: mission.sendingCode }]);
}
