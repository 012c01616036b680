import Link from "next/link";
import type { Moment } from "@/lib/history/moment";
import { useI18n } from "@/lib/i18n/request";
import { formatDateTime, formatLocalAndUtc } from "@/lib/time";

/**
 * Says which moment a past view shows (host-city time and UTC), how it was replayed, and links
 * to today's view; `nowHref` is the same page without the moment.
 */
export function MomentBanner({
  moment,
  timeZone,
  nowHref,
  switchKnownHref,
  changesHref,
}: {
  moment: Moment;
  timeZone: string;
  nowHref: string;
  switchKnownHref?: string;
  changesHref?: string;
}) {
  const { t, locale, href } = useI18n();
  const local = timeZone === "UTC" ? `${formatDateTime(moment.at, "UTC", locale)} UTC` : formatLocalAndUtc(moment.at, timeZone, locale);
  const shown = { strong: (chunks: React.ReactNode) => <strong>{chunks}</strong>, time: (chunks: React.ReactNode) => <time dateTime={moment.at.toISOString()} className="font-semibold">{chunks}</time>, at: local };
  return (
    <section aria-label={t("moment.label")} className="space-y-1 rounded-lg border-2 border-amber-500 bg-amber-50 p-3 text-amber-950" data-testid="moment-banner">
      <p>{moment.known === "then" ? t.rich("moment.pastThen", shown) : t.rich("moment.pastNow", shown)}</p>
      <p className="flex flex-wrap gap-x-4 text-sm">
        <Link href={href(nowHref)} className="font-medium underline">{t("moment.seeToday")}</Link>
        {switchKnownHref && (
          <Link href={href(switchKnownHref)} className="underline">
            {moment.known === "then" ? t("moment.includeCorrections") : t("moment.asSeenThen")}
          </Link>
        )}
        {changesHref && <Link href={href(changesHref)} className="underline">{t("moment.changesSince")}</Link>}
      </p>
    </section>
  );
}

/** `problem` names the parameter and what is wrong with it (the API's words, kept as code). */
export function MomentProblem({ problem }: { problem: string }) {
  const { t } = useI18n();
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
      {t.rich("moment.problem", { problem: () => <code lang="en">{problem}</code> })}
    </p>
  );
}
