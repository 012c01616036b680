import Link from "next/link";
import { CountryName } from "@/components/country-name";
import { DateTime } from "@/components/date-time";
import { StatusBadge } from "@/components/status-badge";
import type { MissionType } from "@/lib/missions/types";
import type { Status } from "@/lib/status/schema";
import { describeStatus, missionTypeIn, statusLabel, type StatusFacts } from "@/lib/status/wording";
import { useI18n } from "@/lib/i18n/request";
import { cityNameIn } from "@/lib/i18n/city-names";

export interface ChangeListItem {
  id: number;
  kind: string;
  previousStatus: Status | null;
  newStatus: Status | null;
  reason: string | null;
  effectiveAt: Date;
  mission: { slug: string; city: string; type: MissionType; timeZone: string; sendingCode: string; sending: { name: string } };
  /** The mission's status today (a report in the list may be years old), worded in the reader's language. */
  factsNow: StatusFacts;
  /** The moment `factsNow` was judged at. */
  judgedAt: Date;
}

export function ChangeList({ changes }: { changes: ChangeListItem[] }) {
  const i18n = useI18n();
  const { t, locale, href } = i18n;
  if (!changes.length) return <p className="text-slate-600">{t("history.noReports")}</p>;
  const badge = (status: string | null) => <StatusBadge status={status} label={statusLabel(status, i18n)} />;
  return (
    <ol className="changes divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {changes.map((change) => (
        <li key={change.id}>
          <Link href={href(`/missions/${change.mission.slug}`)} className="change-mission">
            <CountryName code={change.mission.sendingCode} name={change.mission.sending.name} />
            <span className="font-normal">{` — ${missionTypeIn(change.mission.type, i18n)}, ${cityNameIn(change.mission.city, locale)}`}</span>
          </Link>
          <span className="change-statuses">
            {change.kind === "verify" ? (
              <>
                {badge(change.newStatus)} <span className="text-sm">{t("history.confirmed")}</span>
              </>
            ) : (
              <>
                {change.previousStatus && badge(change.previousStatus)}
                {change.previousStatus && <span aria-label={t("history.changedTo")}>→</span>}
                {badge(change.newStatus)}
              </>
            )}
          </span>
          <span className="change-when">
            <DateTime value={change.effectiveAt} timeZone={change.mission.timeZone} locale={locale} />
          </span>
          <span className="change-now">{t("history.now", { status: describeStatus(change.factsNow, change.judgedAt, i18n).text })}</span>
        </li>
      ))}
    </ol>
  );
}
