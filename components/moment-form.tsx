import type { Moment } from "@/lib/history/moment";
import { useI18n } from "@/lib/i18n/request";
import { instantToWallTime } from "@/lib/zoned-time";

/**
 * The date-time control: a plain GET form (works without JavaScript). It sends the local time
 * of the host city as `at_local`; the page answers with the canonical `at=` URL.
 */
export function MomentForm({
  action,
  moment,
  timeZone,
  keep,
  zoneLabel,
}: {
  action: string;
  moment: Moment | null;
  timeZone: string;
  /** Other parameters of the page (filters) to keep. */
  keep: Record<string, string>;
  /** The place whose clock the control uses, in the reader's language ("Київ"), or the zone's name. */
  zoneLabel: string;
}) {
  const { t, href } = useI18n();
  const field = "mt-1 block rounded border border-slate-300 bg-white px-2 py-1.5";
  return (
    <form method="get" action={href(action)} aria-label={t("moment.formLabel")} data-print="hide" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="text-sm font-medium">
        {t("moment.showAt", { zone: zoneLabel })}
        <input type="datetime-local" name="at_local" required defaultValue={moment ? instantToWallTime(moment.at, timeZone) : ""} className={field} />
      </label>
      <KnownSelect value={moment?.known ?? "now"} className={field} />
      <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white">{t("moment.show")}</button>
    </form>
  );
}

/** "As known now" or "as the public saw it then": the one choice of the two time-travel forms. */
export function KnownSelect({ value, className }: { value: string; className: string }) {
  const { t } = useI18n();
  return (
    <label className="text-sm font-medium">
      {t("moment.knowledge")}
      <select name="known" defaultValue={value} className={className}>
        <option value="now">{t("moment.knownNow")}</option>
        <option value="then">{t("moment.knownThen")}</option>
      </select>
    </label>
  );
}
