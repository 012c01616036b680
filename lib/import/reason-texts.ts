// An import's reason texts (decision 043): `reasonLanguage` and `reason.<lang>` of the project's
// own format, stored beside the mission's reason like an editor's (lib/i18n/reason-texts.ts).
// Statuses are never imported, so texts are stored only where the mission's current reason is
// the exported one: a translation of other words would be wrong.
import type { Actor } from "@/lib/audit/audit";
import type { Tx } from "@/lib/db/create";
import { reasonHash, saveReasonText } from "@/lib/i18n/reason-texts";
import type { PlanRow } from "./plan";

export interface ReasonTextsResult {
  /** Language texts written (the original's language counts as one). */
  saved: number;
  /** Rows with texts whose mission's current reason is another text, or which add a mission (no status yet). */
  skipped: number;
  missionIds: number[];
}

export async function writeImportedReasonTexts(tx: Tx, actor: Actor, rows: PlanRow[]): Promise<ReasonTextsResult> {
  const withTexts = rows.filter((row) => row.action !== "reject" && row.reasonTexts);
  const matched = withTexts.flatMap((row) => (row.action !== "reject" && row.action !== "add" && row.reasonTexts ? [{ missionId: row.missionId, reason: row.reasonTexts }] : []));
  const skippedAdds = withTexts.length - matched.length;
  if (!matched.length) return { saved: 0, skipped: skippedAdds, missionIds: [] };
  const current = new Map(
    (await tx.mission.findMany({ where: { id: { in: matched.map((row) => row.missionId) } }, select: { id: true, statusReason: true } })).map((mission) => [mission.id, mission.statusReason]),
  );
  const stored = await tx.reasonText.findMany({ where: { missionId: { in: [...current.keys()] } }, select: { missionId: true, originalHash: true, language: true, text: true, isOriginal: true } });
  let saved = 0;
  let skipped = skippedAdds;
  const missionIds = new Set<number>();
  for (const { reason, missionId } of matched) {
    if (current.get(missionId) !== reason.original) {
      skipped++;
      continue;
    }
    const hash = reasonHash(reason.original);
    const mine = stored.filter((row) => row.missionId === missionId && row.originalHash === hash);
    const storedLanguage = mine.find((row) => row.isOriginal)?.language ?? "en";
    const base = { missionId, original: reason.original, authorName: actor.name };
    // Only what differs is written: a re-import of an export writes nothing, and an English
    // original (the default, decision 034) needs no row unless one said otherwise.
    if (reason.language && reason.language !== storedLanguage) {
      await saveReasonText(tx, { ...base, language: reason.language, text: reason.original, isOriginal: true });
      saved++;
      missionIds.add(missionId);
    }
    for (const [language, text] of Object.entries(reason.translations)) {
      if (language === (reason.language ?? storedLanguage)) continue;
      if (mine.some((row) => row.language === language && !row.isOriginal && row.text === text)) continue;
      await saveReasonText(tx, { ...base, language, text });
      saved++;
      missionIds.add(missionId);
    }
  }
  return { saved, skipped, missionIds: [...missionIds] };
}
