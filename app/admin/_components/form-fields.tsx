// Fields shared by the editor's forms, so a status report reads and validates the same
// everywhere it is entered (one mission, re-verify, bulk event).
import { STATUSES, STATUS_LABELS } from "@/lib/status/schema";
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

export function ReasonField({ id }: { id: string }) {
  return (
    <label className="text-sm font-medium" htmlFor={`${id}-reason`}>
      Reason
      <input id={`${id}-reason`} name="reason" required maxLength={500} className={fieldClass} />
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

/**
 * The status report typed into a form, ready for the shared zod schema. The effective time is
 * typed in the host city's zone; an unreadable one is passed on as "invalid" so the schema
 * names the field.
 */
export function readStatusReport(data: FormData, timeZone: string) {
  const wallTime = String(data.get("effectiveAt") ?? "");
  const effectiveAt = wallTime ? wallTimeToInstant(wallTime, timeZone) : undefined;
  return {
    status: data.get("status") ?? undefined,
    reason: data.get("reason"),
    sourceUrl: data.get("sourceUrl"),
    sourceTitle: data.get("sourceTitle"),
    effectiveAt: wallTime && !effectiveAt ? "invalid" : effectiveAt?.toISOString(),
  };
}
