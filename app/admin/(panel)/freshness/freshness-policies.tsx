"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ApiError, fieldErrorsOf, type FieldError } from "@/lib/admin/api-client";
import { freshnessPoliciesQuery, useSaveFreshnessPolicy } from "@/lib/admin/freshness-policies";
import { DEFAULT_STALE_HOURS, MAX_STALE_HOURS, MIN_STALE_HOURS } from "@/lib/status/freshness";
import { FreshnessPolicyInputSchema, type FreshnessPolicyRow } from "@/lib/status/freshness-policy-schema";
import { STATUS_LABELS, STATUSES } from "@/lib/status/schema";
import { fieldClass } from "../../_components/form-fields";
import { FormErrors } from "../_components/form-errors";

const FIELDS = { closed: "closedStaleHours", limited: "limitedStaleHours", open: "openStaleHours" } as const;

/** An empty box means "the default"; anything else goes to the schema as a number (or as typed, to be named). */
function hoursOf(value: FormDataEntryValue | null): number | null | string {
  const text = String(value ?? "").trim();
  if (!text) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
}

function PolicyForm({ policy }: { policy: FreshnessPolicyRow }) {
  const id = useId();
  const save = useSaveFreshnessPolicy();
  const [errors, setErrors] = useState<{ message?: string; fields?: FieldError[] } | null>(null);
  const [saved, setSaved] = useState(false);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = FreshnessPolicyInputSchema.safeParse({
      closedStaleHours: hoursOf(data.get("closedStaleHours")),
      limitedStaleHours: hoursOf(data.get("limitedStaleHours")),
      openStaleHours: hoursOf(data.get("openStaleHours")),
      inCrisis: data.get("inCrisis") === "on",
    });
    setSaved(false);
    if (!parsed.success) return setErrors({ fields: fieldErrorsOf(parsed.error) });
    setErrors(null);
    save.mutate(
      { hostCode: policy.hostCode, input: parsed.data },
      {
        onSuccess: () => setSaved(true),
        onError: (error) => setErrors(error instanceof ApiError ? { message: error.message, fields: error.fields } : { message: "Could not save." }),
      },
    );
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-name`} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_repeat(3,9rem)_auto_auto] sm:items-end" noValidate>
      <h2 id={`${id}-name`} className="font-semibold">
        {policy.hostName} <span className="text-sm font-normal text-slate-600">({policy.missions} missions)</span>
        {policy.inCrisis && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-950">In crisis</span>}
      </h2>
      {STATUSES.map((status) => (
        <label key={status} htmlFor={`${id}-${status}`} className="text-sm font-medium">
          {STATUS_LABELS[status]}: stale after (h)
          <input
            id={`${id}-${status}`}
            name={FIELDS[status]}
            type="number"
            inputMode="numeric"
            min={MIN_STALE_HOURS}
            max={MAX_STALE_HOURS}
            step={1}
            defaultValue={policy[FIELDS[status]] ?? ""}
            placeholder={`${DEFAULT_STALE_HOURS[status]} (default)`}
            className={fieldClass}
          />
        </label>
      ))}
      <label className="inline-flex items-center gap-1.5 text-sm font-medium">
        <input type="checkbox" name="inCrisis" defaultChecked={policy.inCrisis} className="h-4 w-4" />
        In crisis
      </label>
      <button type="submit" disabled={save.isPending} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">
        {save.isPending ? "Saving…" : `Save ${policy.hostName}`}
      </button>
      <div className="sm:col-span-6" aria-live="polite">
        <FormErrors message={errors?.message} fields={errors?.fields} />
        {saved && <p className="text-sm text-green-900">Saved the policy for {policy.hostName}.</p>}
      </div>
    </form>
  );
}

export function FreshnessPolicies({ initialPolicies }: { initialPolicies: FreshnessPolicyRow[] }) {
  const query = useQuery({ ...freshnessPoliciesQuery(), initialData: initialPolicies });
  if (!query.data.length) return <p className="text-slate-600">No host country has missions yet.</p>;
  return (
    <ul className="space-y-3" aria-label="Freshness policy per host country">
      {query.data.map((policy) => (
        <li key={policy.hostCode}>
          <PolicyForm policy={policy} />
        </li>
      ))}
    </ul>
  );
}
