// Fields shared by the editor's forms, so a status report reads and validates the same
// everywhere it is entered (one mission, re-verify, bulk event).
import { followsPhrase } from "@/lib/status/ends";
import { FOLLOWS, STATUSES, STATUS_LABELS } from "@/lib/status/schema";
import { wallTimeToInstant } from "@/lib/zoned-time";

export const fieldClass = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5";

export function StatusChoice({ legend, defaultStatus, className }: { legend: string; defaultStatus?: string | null; className?: string }) {
  return (
    <fieldset className={className}>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 flex gap-4">
        {STATUSES.map((status) => (
          <label key={status} className="inline-flex items-center gap-1.5">
            <input type="radio" name="status" value={status} defaultChecked={status === defaultStatus} required />
            {STATUS_LABELS[status]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function ReasonField({ id, defaultValue }: { id: string; defaultValue?: string }) {
  return (
    <label className="text-sm font-medium" htmlFor={`${id}-reason`}>
      Reason
      <input id={`${id}-reason`} name="reason" required maxLength={500} defaultValue={defaultValue} className={fieldClass} />
    </label>
  );
}

export interface SourceDefaults {
  sourceUrl: string;
  sourceTitle: string | null;
}

/** Source URL (required) and title (optional), prefilled when the editor used one just before. */
export function SourceFields({ id, defaults }: { id: string; defaults?: SourceDefaults | null }) {
  return (
    <>
      <label className="text-sm font-medium" htmlFor={`${id}-source`}>
        Source URL
        <input id={`${id}-source`} name="sourceUrl" type="url" required placeholder="https://…" defaultValue={defaults?.sourceUrl} className={fieldClass} />
      </label>
      <label className="text-sm font-medium" htmlFor={`${id}-title`}>
        Source title (optional)
        <input id={`${id}-title`} name="sourceTitle" maxLength={200} defaultValue={defaults?.sourceTitle ?? undefined} className={fieldClass} />
      </label>
    </>
  );
}

/** Until when the reported status holds (optional, in the host city's zone) and what follows. */
export function EndFields({ id, timeZone, defaultUntil, defaultFollows }: { id: string; timeZone: string; defaultUntil?: string; defaultFollows?: string | null }) {
  return (
    <>
      <label className="text-sm font-medium" htmlFor={`${id}-until`}>
        Until ({timeZone}; empty: until further notice)
        <input id={`${id}-until`} name="until" type="datetime-local" step={1} defaultValue={defaultUntil} className={fieldClass} />
      </label>
      <label className="text-sm font-medium" htmlFor={`${id}-follows`}>
        What follows then
        <select id={`${id}-follows`} name="follows" defaultValue={defaultFollows ?? "previous"} className={fieldClass}>
          {FOLLOWS.map((follows) => (
            <option key={follows} value={follows}>
              {followsPhrase(follows).replace(/^then /, "")}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** A wall time typed in the host city's zone as an ISO instant; "invalid" lets the schema name the field. */
function readWallTime(data: FormData, field: string, timeZone: string): string | undefined {
  const wallTime = String(data.get(field) ?? "");
  if (!wallTime) return undefined;
  return wallTimeToInstant(wallTime, timeZone)?.toISOString() ?? "invalid";
}

/**
 * The status report typed into a form, ready for the shared zod schema. The effective time is
 * typed in the host city's zone; an unreadable one is passed on as "invalid" so the schema
 * names the field.
 */
export function readStatusReport(data: FormData, timeZone: string) {
  const wallTime = String(data.get("effectiveAt") ?? "");
  const effectiveAt = wallTime ? wallTimeToInstant(wallTime, timeZone) : undefined;
  const until = readWallTime(data, "until", timeZone);
  return {
    status: data.get("status") ?? undefined,
    reason: data.get("reason"),
    sourceUrl: data.get("sourceUrl"),
    sourceTitle: data.get("sourceTitle"),
    effectiveAt: wallTime && !effectiveAt ? "invalid" : effectiveAt?.toISOString(),
    until: until ?? null,
    // Without an end nothing follows: the choice is only sent with one.
    follows: until ? (data.get("follows") ?? undefined) : undefined,
  };
}

/** A scheduled change typed into a form: like a report, with a required effective time. */
export function readScheduledChange(data: FormData, timeZone: string) {
  return { ...readStatusReport(data, timeZone), effectiveAt: readWallTime(data, "effectiveAt", timeZone) };
}
