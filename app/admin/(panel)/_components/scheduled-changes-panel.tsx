"use client";

import { useId, useState } from "react";
import { DateTime } from "@/components/date-time";
import { SourceLink } from "@/components/source-link";
import { StatusBadge } from "@/components/status-badge";
import { ApiError, fieldErrorsOf, type FieldError } from "@/lib/admin/api-client";
import { useCancelScheduledChange, useScheduleChange, useUpdateScheduledChange } from "@/lib/admin/scheduled-changes";
import { ScheduledChangeSchema, type ScheduledChangeInput } from "@/lib/missions/schema";
import { followsPhrase } from "@/lib/status/ends";
import { instantToWallTime } from "@/lib/zoned-time";
import { EndFields, fieldClass, ReasonField, readScheduledChange, SourceFields, StatusChoice } from "../../_components/form-fields";
import { FormErrors } from "./form-errors";

export interface PendingChange {
  id: number;
  status: string;
  reason: string | null;
  sourceUrl: string | null;
  sourceTitle: string | null;
  effectiveAt: Date;
  until: Date | null;
  follows: string | null;
  createdBy: string;
  version: number;
}

type Errors = { message?: string; fields?: FieldError[] } | null;

const errorsOf = (caught: unknown): Errors =>
  caught instanceof ApiError ? { message: caught.message, fields: caught.fields } : { message: "The scheduled change could not be saved." };

/** A future change from a notice: status, reason, source, when it starts and (optionally) ends. */
function ScheduledChangeForm({ label, timeZone, change, onSubmit, onDone }: { label: string; timeZone: string; change?: PendingChange; onSubmit: (input: ScheduledChangeInput) => Promise<unknown>; onDone?: () => void }) {
  const id = useId();
  const [errors, setErrors] = useState<Errors>(null);
  const [pending, setPending] = useState(false);
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ScheduledChangeSchema.safeParse(readScheduledChange(new FormData(event.currentTarget), timeZone));
    if (!parsed.success) return setErrors({ fields: fieldErrorsOf(parsed.error) });
    setPending(true);
    setErrors(null);
    try {
      await onSubmit(parsed.data);
      onDone?.();
    } catch (caught) {
      setErrors(errorsOf(caught));
    } finally {
      setPending(false);
    }
  }
  return (
    <form onSubmit={submit} aria-label={label} className="grid gap-3 sm:grid-cols-2" noValidate>
      <StatusChoice legend="Status from then on" defaultStatus={change?.status} className="sm:col-span-2" />
      <ReasonField id={id} defaultValue={change?.reason ?? undefined} />
      <SourceFields id={id} defaults={change?.sourceUrl ? { sourceUrl: change.sourceUrl, sourceTitle: change.sourceTitle } : null} />
      <label className="text-sm font-medium" htmlFor={`${id}-at`}>
        Starts at ({timeZone})
        <input id={`${id}-at`} name="effectiveAt" type="datetime-local" step={1} required defaultValue={change ? instantToWallTime(change.effectiveAt, timeZone) : undefined} className={fieldClass} />
      </label>
      <EndFields id={id} timeZone={timeZone} defaultUntil={change?.until ? instantToWallTime(change.until, timeZone) : undefined} defaultFollows={change?.follows} />
      <div className="space-y-2 sm:col-span-2">
        <FormErrors message={errors?.message} fields={errors?.fields} />
        <div className="flex gap-2">
          <button type="submit" disabled={pending} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">
            {pending ? "Saving…" : change ? "Save scheduled change" : "Schedule change"}
          </button>
          {onDone && change && (
            <button type="button" onClick={onDone} className="rounded border border-slate-300 px-3 py-1.5">Close</button>
          )}
        </div>
      </div>
    </form>
  );
}

function PendingItem({ missionId, timeZone, change }: { missionId: number; timeZone: string; change: PendingChange }) {
  const [editing, setEditing] = useState(false);
  const [errors, setErrors] = useState<Errors>(null);
  const cancelChange = useCancelScheduledChange();
  const updateChange = useUpdateScheduledChange();
  const target = { missionId, id: change.id, expectedVersion: change.version };
  async function cancel() {
    try {
      await cancelChange.mutateAsync(target);
    } catch (caught) {
      setErrors(errorsOf(caught));
    }
  }
  const when = (
    <>
      from <DateTime value={change.effectiveAt} timeZone={timeZone} />
      {change.until && (
        <>
          {" "}until <DateTime value={change.until} timeZone={timeZone} />, {followsPhrase(change.follows)}
        </>
      )}
    </>
  );
  return (
    <li className="space-y-2 rounded border border-slate-200 p-3 text-sm">
      <p className="flex flex-wrap items-center gap-2">
        <StatusBadge status={change.status} /> <span>{when}</span>
      </p>
      <p>
        {change.reason ?? "No reason"} · <SourceLink url={change.sourceUrl} title={change.sourceTitle} /> · scheduled by {change.createdBy}
      </p>
      <FormErrors message={errors?.message} fields={errors?.fields} />
      {editing ? (
        <ScheduledChangeForm
          label="Edit scheduled change"
          timeZone={timeZone}
          change={change}
          onSubmit={(input) => updateChange.mutateAsync({ ...target, input })}
          onDone={() => setEditing(false)}
        />
      ) : (
        <div className="flex gap-2">
          <button type="button" onClick={() => setEditing(true)} className="rounded border border-slate-400 px-3 py-1">Edit</button>
          <button type="button" onClick={() => void cancel()} className="rounded border border-slate-400 px-3 py-1">Cancel scheduled change</button>
        </div>
      )}
    </li>
  );
}

/** Pending scheduled changes of one mission, and a form to schedule another. */
export function ScheduledChangesPanel({ missionId, timeZone, pending }: { missionId: number; timeZone: string; pending: PendingChange[] }) {
  const [formKey, setFormKey] = useState(0);
  const schedule = useScheduleChange();
  return (
    <section aria-labelledby="scheduled" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="scheduled" className="text-lg font-semibold">Scheduled changes</h2>
      <p className="text-sm text-slate-700">
        From a notice published ahead (&ldquo;closed 24–26 December&rdquo;): applied by itself at its time, editable and cancellable until then. A status
        change in between does not cancel it.
      </p>
      {pending.length > 0 && (
        <ul className="space-y-2" aria-label="Pending scheduled changes">
          {pending.map((change) => (
            <PendingItem key={`${change.id}-${change.version}`} missionId={missionId} timeZone={timeZone} change={change} />
          ))}
        </ul>
      )}
      <ScheduledChangeForm
        key={formKey}
        label="Schedule a change"
        timeZone={timeZone}
        onSubmit={async (input) => {
          await schedule.mutateAsync({ missionId, input });
          setFormKey((key) => key + 1);
        }}
      />
    </section>
  );
}
