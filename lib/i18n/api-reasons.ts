// The API stays English-keyed (decisions 032, 042); `lang=` adds, beside each reason, the
// language it was written in and its text in the asked language when there is one.
import type { LocalReasonFields } from "@/lib/api/schema";
import type { Db } from "@/lib/db/create";
import type { Locale } from "./locales";
import type { ReasonVersions } from "./reason-text";
import { reasonKey } from "./reason-key";
import { loadReasonVersions } from "./reason-texts";


/** The two fields for one reason; `versions` from `loadReasonVersions` (none: an English original, untranslated). */
export function localReasonFields(reason: string | null, versions: ReasonVersions | undefined, lang: Locale): Required<LocalReasonFields> {
  if (!reason) return { reasonLanguage: null, localReason: null };
  const language = versions?.language ?? "en";
  return { reasonLanguage: language, localReason: language === lang ? reason : (versions?.translations?.[lang] ?? null) };
}

/** Reasons of one response, loaded in one query, and a lookup by mission and text. */
/** `asOf`: a view as known then reads the texts saved by then (lib/i18n/reason-moment.ts). */
export async function loadLocalReasons(db: Db, reasons: ReadonlyArray<{ missionId: number; reason: string | null }>, lang: Locale | undefined, asOf?: Date) {
  const versions = lang ? await loadReasonVersions(db, reasons, asOf) : new Map<string, ReasonVersions>();
  return <T extends object>(value: T, missionId: number, reason: string | null): T | (T & Required<LocalReasonFields>) =>
    lang ? { ...value, ...localReasonFields(reason, reason ? versions.get(reasonKey(missionId, reason)) : undefined, lang) } : value;
}
