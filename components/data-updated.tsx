import { useI18n } from "@/lib/i18n/request";
import { formatDateTime } from "@/lib/time";

interface Dated {
  statusSince: Date | null;
  verifiedAt: Date | null;
}

/** The newest status change or confirmation among these missions. */
export function lastUpdated(missions: readonly Dated[]): Date | null {
  let latest: Date | null = null;
  for (const mission of missions) {
    for (const at of [mission.statusSince, mission.verifiedAt]) if (at && (!latest || at > latest)) latest = at;
  }
  return latest;
}

/** Says in words when the data on the page last changed (issue 13 item 4): printed or offline,
 * a page must not pass for newer than it is. Stable between edits, so ETags stay valid. */
export function DataUpdated({ missions }: { missions: readonly Dated[] }) {
  const latest = lastUpdated(missions);
  const { t, locale } = useI18n();
  return (
    <p className="text-sm text-slate-600" data-updated="">
      {latest
        ? t.rich("view.updated", { at: formatDateTime(latest, "UTC", locale), time: (chunks) => <time dateTime={latest.toISOString()}>{chunks}</time> })
        : t("view.noStatus")}
    </p>
  );
}
