// Which text of a status reason a reader sees (issue 14 item 3): their language's translation
// when an editor or an import added one, else the original with its language named. Pure: the
// storage of translations (decision 034) is not built yet; pages will pass what they loaded.
import { i18nFor } from "./translator";
import { isLocale, type Locale } from "./locales";

export interface ReasonVersions {
  /** The reason as written. */
  original: string;
  /** BCP 47 language of the original ("uk", "en"); unknown languages are named by their code. */
  language: string;
  /** language → translated text */
  translations?: Readonly<Record<string, string>>;
}

export interface ShownReason {
  text: string;
  /** The language of `text`, for `lang=` on the element. */
  language: string;
  /** "(original in Ukrainian)" when the original is shown to a reader of another language. */
  note: string | null;
}

export function reasonFor(reason: ReasonVersions, reader: Locale): ShownReason {
  if (reason.language === reader) return { text: reason.original, language: reason.language, note: null };
  const translated = reason.translations?.[reader];
  if (translated) return { text: translated, language: reader, note: null };
  const { t } = i18nFor(reader);
  const languageName = isLocale(reason.language) ? t(`languages.${reason.language}`) : reason.language;
  return { text: reason.original, language: reason.language, note: t("table.originalIn", { language: languageName }) };
}

/** A stored reason as a reader sees it: its loaded versions, or, when none were loaded, the text
 * as written, counted as English (what every reason was before translations, decision 034). */
export function shownReasonOf(reason: string, versions: ReasonVersions | undefined, reader: Locale): ShownReason {
  return reasonFor(versions ?? { original: reason, language: "en" }, reader);
}
