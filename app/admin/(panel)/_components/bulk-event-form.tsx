"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { ApiError, fieldErrorsOf, type FieldError } from "@/lib/admin/api-client";
import { useApplyBulkEvent } from "@/lib/admin/events";
import type { AdminRow } from "@/lib/admin/missions-query";
import { BulkEventSchema, type BulkEventInput } from "@/lib/missions/schema";
import { EndFields, fieldClass, ReasonField, readStatusReport, SourceFields, StatusChoice } from "../../_components/form-fields";
import { FormErrors } from "./form-errors";

/** One event, one status for every selected mission; the server applies all or none. */
export function BulkEventForm({ selected, onApplied }: { selected: AdminRow[]; onApplied: () => void }) {
  const id = useId();
  const applyEvent = useApplyBulkEvent();
  const [errors, setErrors] = useState<{ message?: string; fields?: FieldError[] } | null>(null);
  const [created, setCreated] = useState<{ slug: string; name: string; count: number } | null>(null);
  const zones = [...new Set(selected.map((row) => row.timeZone))];
  const timeZone = zones.length === 1 ? zones[0]! : "UTC";

  const apply = (input: BulkEventInput) =>
    applyEvent.mutate(input, {
      onSuccess: ({ event, count }) => {
        setCreated({ ...event, count });
        onApplied();
      },
      onError: (error) =>
        setErrors(
          error instanceof ApiError
            ? { message: error.status === 409 ? `${error.message}. Nothing was changed; the list is reloaded, check and apply again.` : error.message, fields: error.fields }
            : { message: "The event could not be applied." },
        ),
    });

  if (!selected.length) {
    return created ? (
      <p role="status" className="rounded bg-green-50 p-3 text-sm text-green-900">
        Event applied to {created.count} missions: <Link href={`/events/${created.slug}`} className="underline">{created.name}</Link>
      </p>
    ) : (
      <p className="text-sm text-slate-600">Select missions to update them together as one event.</p>
    );
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = BulkEventSchema.safeParse({
      ...readStatusReport(data, timeZone),
      name: data.get("name"),
      description: data.get("description"),
      missions: selected.map((row) => ({ id: row.id, expectedVersion: row.version })),
    });
    if (!parsed.success) return setErrors({ fields: fieldErrorsOf(parsed.error) });
    setErrors(null);
    setCreated(null);
    apply(parsed.data);
  }

  return (
    <form onSubmit={submit} aria-label="Bulk update as one event" className="grid gap-3 rounded-lg border border-blue-300 bg-blue-50 p-4 sm:grid-cols-2" noValidate>
      <h2 className="text-lg font-semibold sm:col-span-2">Update {selected.length} selected missions as one event</h2>
      <label className="text-sm font-medium" htmlFor={`${id}-name`}>
        Event name
        <input id={`${id}-name`} name="name" required maxLength={200} className={fieldClass} />
      </label>
      <StatusChoice legend="Status for all" />
      <ReasonField id={id} />
      <SourceFields id={id} />
      <label className="text-sm font-medium" htmlFor={`${id}-at`}>
        Effective time ({timeZone}; empty for now)
        <input id={`${id}-at`} name="effectiveAt" type="datetime-local" className={fieldClass} />
      </label>
      <EndFields id={id} timeZone={timeZone} />
      <label className="text-sm font-medium sm:col-span-2" htmlFor={`${id}-description`}>
        Description (optional)
        <textarea id={`${id}-description`} name="description" maxLength={1000} rows={2} className={fieldClass} />
      </label>
      <div className="space-y-2 sm:col-span-2">
        <FormErrors message={errors?.message} fields={errors?.fields} />
        <button type="submit" disabled={applyEvent.isPending} className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {applyEvent.isPending ? "Applying…" : `Apply to ${selected.length} missions`}
        </button>
      </div>
    </form>
  );
}
