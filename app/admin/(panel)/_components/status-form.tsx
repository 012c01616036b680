"use client";

import { useId, useState } from "react";
import { StatusBadge } from "@/components/status-badge";
import { ApiError, fieldErrorsOf, type FieldError } from "@/lib/admin/api-client";
import { StatusUpdateSchema, VerifySchema, type StatusUpdateInput, type VerifyInput } from "@/lib/missions/schema";
import { formatDateTime } from "@/lib/time";
import { instantToWallTime } from "@/lib/zoned-time";
import { EndFields, fieldClass, ReasonField, readStatusReport, SourceFields, StatusChoice, type SourceDefaults } from "../../_components/form-fields";
import { FormErrors } from "./form-errors";

export interface EditableMission {
  id: number;
  version: number;
  status: string | null;
  timeZone: string;
}

interface ConflictBody {
  current?: { status: string | null; statusReason: string | null; version: number; statusSetBy: string | null };
  latestChange?: { newStatus: string; reason: string | null; authorName: string; recordedAt: string; sourceUrl: string | null } | null;
}

/** What someone else changed, and a way to apply my change on top of it. */
function Conflict({ body, onReapply, pending }: { body: ConflictBody; onReapply: () => void; pending: boolean }) {
  const latest = body.latestChange;
  return (
    <div role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm">
      <p className="font-semibold">Conflict: someone else changed this mission since you opened it.</p>
      {latest && (
        <p>
          {latest.authorName} set it to <StatusBadge status={latest.newStatus} /> ({latest.reason ?? "no reason"}) at{" "}
          {formatDateTime(new Date(latest.recordedAt), "UTC")}.
        </p>
      )}
      <button type="button" onClick={onReapply} disabled={pending} className="rounded bg-amber-700 px-3 py-1.5 font-medium text-white disabled:opacity-60">
        Re-apply my change
      </button>
    </div>
  );
}

/** New status, reason, source and effective time (typed in the host city's zone). */
export function StatusForm({
  mission,
  onSubmit,
  onDone,
}: {
  mission: EditableMission;
  onSubmit: (input: StatusUpdateInput) => Promise<unknown>;
  onDone?: () => void;
}) {
  const id = useId();
  const [baseVersion, setBaseVersion] = useState(mission.version);
  const [error, setError] = useState<{ message?: string; fields?: FieldError[]; conflict?: ConflictBody } | null>(null);
  const [pending, setPending] = useState(false);
  const [lastInput, setLastInput] = useState<StatusUpdateInput | null>(null);

  async function send(input: StatusUpdateInput) {
    setPending(true);
    setError(null);
    setLastInput(input);
    try {
      await onSubmit(input);
      onDone?.();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "conflict") setError({ conflict: caught.details as ConflictBody });
      else if (caught instanceof ApiError) setError({ message: caught.message, fields: caught.fields });
      else setError({ message: "The change could not be saved." });
    } finally {
      setPending(false);
    }
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const report = readStatusReport(new FormData(event.currentTarget), mission.timeZone);
    const parsed = StatusUpdateSchema.safeParse({ ...report, expectedVersion: baseVersion });
    if (!parsed.success) return setError({ fields: fieldErrorsOf(parsed.error) });
    void send(parsed.data);
  }

  function reapply() {
    const version = error?.conflict?.current?.version;
    if (lastInput && version !== undefined) {
      setBaseVersion(version);
      void send({ ...lastInput, expectedVersion: version });
    }
  }

  return (
    <form onSubmit={submit} aria-label="Change status" className="grid gap-3 sm:grid-cols-2" noValidate>
      <StatusChoice legend="New status" defaultStatus={mission.status} className="sm:col-span-2" />
      <ReasonField id={id} />
      <SourceFields id={id} />
      <label className="text-sm font-medium" htmlFor={`${id}-at`}>
        Effective time ({mission.timeZone})
        <input id={`${id}-at`} name="effectiveAt" type="datetime-local" defaultValue={instantToWallTime(new Date(), mission.timeZone)} className={fieldClass} />
      </label>
      <EndFields id={id} timeZone={mission.timeZone} />
      <div className="space-y-2 sm:col-span-2">
        {error?.conflict ? <Conflict body={error.conflict} onReapply={reapply} pending={pending} /> : <FormErrors message={error?.message} fields={error?.fields} />}
        <div className="flex gap-2">
          <button type="submit" disabled={pending} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">
            {pending ? "Saving…" : "Save status"}
          </button>
          {onDone && (
            <button type="button" onClick={onDone} className="rounded border border-slate-300 px-3 py-1.5">Cancel</button>
          )}
        </div>
      </div>
    </form>
  );
}

/** Keeps the status, renews "last verified" with a source. */
export function VerifyForm({
  mission,
  onSubmit,
  onDone,
  sourceDefaults,
}: {
  mission: EditableMission;
  onSubmit: (input: VerifyInput) => Promise<unknown>;
  onDone?: () => void;
  sourceDefaults?: SourceDefaults | null;
}) {
  const id = useId();
  const [error, setError] = useState<{ message?: string; fields?: FieldError[] } | null>(null);
  const [pending, setPending] = useState(false);
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = VerifySchema.safeParse({ sourceUrl: data.get("sourceUrl"), sourceTitle: data.get("sourceTitle"), expectedVersion: mission.version });
    if (!parsed.success) return setError({ fields: fieldErrorsOf(parsed.error) });
    setPending(true);
    setError(null);
    try {
      await onSubmit(parsed.data);
      onDone?.();
    } catch (caught) {
      setError(caught instanceof ApiError ? { message: caught.status === 409 ? `${caught.message}. Reload to see the change.` : caught.message, fields: caught.fields } : { message: "Could not re-verify." });
    } finally {
      setPending(false);
    }
  }
  return (
    <form onSubmit={submit} aria-label="Re-verify status" className="grid gap-3 sm:grid-cols-2" noValidate>
      <p className="text-sm sm:col-span-2">
        Confirm the status is still <StatusBadge status={mission.status} /> with a source:
      </p>
      <SourceFields id={id} defaults={sourceDefaults} />
      <div className="space-y-2 sm:col-span-2">
        <FormErrors message={error?.message} fields={error?.fields} />
        <div className="flex gap-2">
          <button type="submit" disabled={pending} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">
            {pending ? "Saving…" : "Confirm still valid"}
          </button>
          {onDone && <button type="button" onClick={onDone} className="rounded border border-slate-300 px-3 py-1.5">Cancel</button>}
        </div>
      </div>
    </form>
  );
}
