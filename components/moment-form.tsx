import type { Moment } from "@/lib/history/moment";
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
  zoneLabel: string;
}) {
  const field = "mt-1 block rounded border border-slate-300 bg-white px-2 py-1.5";
  return (
    <form method="get" action={action} aria-label="Go to a moment" data-print="hide" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="text-sm font-medium">
        Show as it stood at ({zoneLabel} time)
        <input type="datetime-local" name="at_local" required defaultValue={moment ? instantToWallTime(moment.at, timeZone) : ""} className={field} />
      </label>
      <label className="text-sm font-medium">
        Knowledge
        <select name="known" defaultValue={moment?.known ?? "now"} className={field}>
          <option value="now">As known now</option>
          <option value="then">As the public saw it then</option>
        </select>
      </label>
      <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white">Show</button>
    </form>
  );
}
