import { useI18n } from "@/lib/i18n/request";
import { shownReasonOf, type ReasonVersions } from "@/lib/i18n/reason-text";

/** A status reason in the reader's language, or the original marked with its language and named (decision 034). */
export function ReasonText({ reason, versions }: { reason: string; versions: ReasonVersions | undefined }) {
  const { locale } = useI18n();
  const shown = shownReasonOf(reason, versions, locale);
  return (
    <>
      <span lang={shown.language}>{shown.text}</span>
      {shown.note && <span className="block text-xs text-slate-600">{shown.note}</span>}
    </>
  );
}
