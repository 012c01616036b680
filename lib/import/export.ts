import type { Db } from "@/lib/db/create";
import { reasonHash } from "@/lib/i18n/reason-texts";
import { EXPORT_FORMAT, REASON_KEY_PREFIX } from "./own-format";

/** Every active mission in the project's own format (re-importable with `npm run import`). */
export async function exportMissions(db: Db) {
  const missions = await db.mission.findMany({
    where: { archivedAt: null },
    orderBy: { id: "asc" },
    select: {
      wikidataId: true,
      sendingCode: true,
      hostCode: true,
      city: true,
      type: true,
      name: true,
      address: true,
      latitude: true,
      longitude: true,
      phone: true,
      email: true,
      website: true,
      timeZone: true,
      status: true,
      statusReason: true,
      sourceUrl: true,
      statusSince: true,
      verifiedAt: true,
      statusUntil: true,
      statusFollows: true,
      expectedAfter: true,
      reasonTexts: { select: { originalHash: true, language: true, text: true, isOriginal: true }, orderBy: { language: "asc" } },
    },
  });
  return { format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), missions: missions.map(withReasonTexts) };
}

/**
 * The current reason's language and translations as flat keys (`reasonLanguage`, `reason.uk`),
 * re-imported by lib/import/own-format.ts (decision 043). Texts of older reasons stay behind.
 */
function withReasonTexts<T extends { statusReason: string | null; reasonTexts: Array<{ originalHash: string; language: string; text: string; isOriginal: boolean }> }>({ reasonTexts, ...mission }: T) {
  if (!mission.statusReason) return { ...mission, reasonLanguage: null };
  const hash = reasonHash(mission.statusReason);
  const mine = reasonTexts.filter((text) => text.originalHash === hash);
  const translations = Object.fromEntries(mine.filter((text) => !text.isOriginal).map((text) => [`${REASON_KEY_PREFIX}${text.language}`, text.text]));
  return { ...mission, reasonLanguage: mine.find((text) => text.isOriginal)?.language ?? "en", ...translations };
}
