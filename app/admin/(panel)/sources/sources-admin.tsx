"use client";

import { useId, useState } from "react";
import { ApiError, fieldErrorsOf, type FieldError } from "@/lib/admin/api-client";
import { useCreateSource, useDeleteSource, useTestSavedSource, useTrySource, useUpdateSource, type SourceTrial as Trial } from "@/lib/admin/sources";
import { LANGUAGES, SOURCE_KIND_LABELS, SOURCE_KINDS, SourceCreateSchema, SourceTrialSchema, type SourceUpdateInput } from "@/lib/sources/schema";
import type { SourceView } from "@/lib/sources/types";
import { formatDateTime } from "@/lib/time";
import { fieldClass } from "../../_components/form-fields";
import { FormErrors } from "../_components/form-errors";

type Errors = { message?: string; fields?: FieldError[] } | null;

const CLASS_WORDS: Record<string, string> = { closed: "Closure", limited: "Limited services", reopened: "Reopening", none: "Nothing about operations" };
const when = (value: string | null) => (value ? formatDateTime(new Date(value)) : "never");
const errorsOf = (error: unknown): Errors => (error instanceof ApiError ? { message: error.message, fields: error.fields } : { message: "The request failed." });

function TrialView({ trial }: { trial: Trial }) {
  return (
    <div role="status" aria-label="Test result" className="space-y-2 rounded border border-blue-300 bg-blue-50 p-3 text-sm">
      {trial.outcome === "failed" ? (
        <p>Fetch failed: {trial.error}</p>
      ) : trial.outcome === "not-modified" ? (
        <p>Not modified since the last fetch.</p>
      ) : (
        <>
          <p className="font-medium">
            {trial.notices.length} notices read, {trial.proposals.length} proposals would be made (nothing stored).
          </p>
          <ul className="list-disc space-y-1 pl-5">
            {trial.notices.map((notice, index) => (
              <li key={index}>
                <strong>{CLASS_WORDS[notice.class] ?? notice.class}</strong>: {notice.title || "(untitled)"}
                {notice.trigger ? ` — “${notice.trigger}”` : ""}
                {notice.untilPhrase ? ` (${notice.untilPhrase})` : ""}
              </li>
            ))}
          </ul>
          {trial.proposals.length > 0 && (
            <ul className="list-disc pl-5">
              {trial.proposals.map((proposal, index) => (
                <li key={index}>
                  {proposal.missionName}: {proposal.kind === "reverify" ? "re-verify" : "change to"} {proposal.suggestedStatus}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function readForm(data: FormData) {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const ids = text("missionIds");
  return {
    name: text("name"),
    url: text("url"),
    kind: text("kind"),
    language: text("language"),
    missionIds: ids ? ids.split(/[\s,]+/).filter(Boolean).map(Number) : [],
    sendingCode: text("sendingCode") || null,
    hostCode: text("hostCode") || null,
    intervalMinutes: Number(text("intervalMinutes") || 60),
    enabled: data.get("enabled") === "on",
  };
}

function AddSource() {
  const id = useId();
  const trySource = useTrySource();
  const createSource = useCreateSource();
  const [errors, setErrors] = useState<Errors>(null);
  const [trial, setTrial] = useState<Trial | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const testing = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "test";
    const values = readForm(new FormData(form));
    const trial = testing ? SourceTrialSchema.safeParse(values) : null;
    const created = testing ? null : SourceCreateSchema.safeParse(values);
    const failed = trial?.error ?? created?.error;
    if (failed) return setErrors({ fields: fieldErrorsOf(failed) });
    setErrors(null);
    setBusy(true);
    try {
      if (trial?.data) setTrial(await trySource.mutateAsync(trial.data));
      else if (created?.data) {
        await createSource.mutateAsync(created.data);
        form.reset();
        setTrial(null);
      }
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="rounded-lg border border-slate-300 bg-white p-4">
      <summary className="cursor-pointer font-semibold">Add a source</summary>
      <form onSubmit={submit} aria-label="Add a source" className="mt-3 grid gap-3 sm:grid-cols-2" noValidate>
        <label className="text-sm font-medium" htmlFor={`${id}-name`}>
          Name
          <input id={`${id}-name`} name="name" required maxLength={200} className={fieldClass} />
        </label>
        <label className="text-sm font-medium" htmlFor={`${id}-url`}>
          URL
          <input id={`${id}-url`} name="url" type="url" required placeholder="https://…" className={fieldClass} />
        </label>
        <label className="text-sm font-medium" htmlFor={`${id}-kind`}>
          Kind
          <select id={`${id}-kind`} name="kind" className={fieldClass} defaultValue="rss">
            {SOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {SOURCE_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium" htmlFor={`${id}-language`}>
          Language
          <select id={`${id}-language`} name="language" className={fieldClass} defaultValue="en">
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {language}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium" htmlFor={`${id}-sending`}>
          Speaks for missions of (sending country code)
          <input id={`${id}-sending`} name="sendingCode" maxLength={2} placeholder="US" className={fieldClass} />
        </label>
        <label className="text-sm font-medium" htmlFor={`${id}-host`}>
          in (host country code)
          <input id={`${id}-host`} name="hostCode" maxLength={2} placeholder="UA" className={fieldClass} />
        </label>
        <label className="text-sm font-medium" htmlFor={`${id}-missions`}>
          Or these mission ids (comma-separated)
          <input id={`${id}-missions`} name="missionIds" className={fieldClass} />
        </label>
        <label className="text-sm font-medium" htmlFor={`${id}-interval`}>
          Interval (minutes, 5 to 10080)
          <input id={`${id}-interval`} name="intervalMinutes" type="number" min={5} max={10080} defaultValue={60} className={fieldClass} />
        </label>
        <label className="inline-flex items-center gap-2 text-sm font-medium sm:col-span-2">
          <input type="checkbox" name="enabled" /> Watch it now (otherwise added paused)
        </label>
        <div className="space-y-2 sm:col-span-2">
          <FormErrors message={errors?.message} fields={errors?.fields} />
          <div className="flex gap-2">
            <button type="submit" value="add" disabled={busy} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">
              Add source
            </button>
            <button type="submit" value="test" disabled={busy} className="rounded border border-slate-400 px-3 py-1.5 disabled:opacity-60">
              Test (fetch now, store nothing)
            </button>
          </div>
        </div>
      </form>
      {trial && <TrialView trial={trial} />}
    </details>
  );
}

function SourceRow({ source }: { source: SourceView }) {
  const testSource = useTestSavedSource();
  const updateSource = useUpdateSource();
  const deleteSource = useDeleteSource();
  const [errors, setErrors] = useState<Errors>(null);
  const [trial, setTrial] = useState<Trial | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(work: () => Promise<unknown>) {
    setErrors(null);
    setBusy(true);
    try {
      await work();
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setBusy(false);
    }
  }

  const patch = (input: SourceUpdateInput) => act(() => updateSource.mutateAsync({ id: source.id, input }));
  const speaksFor = source.sendingCode && source.hostCode ? `${source.sendingCode} missions in ${source.hostCode}` : `missions ${source.missionIds.join(", ")}`;
  return (
    <li data-source={source.name} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1 text-sm">
          <h2 className="text-base font-semibold">
            {source.name} <span className="font-normal">({source.enabled ? "watching" : "paused"})</span>
          </h2>
          <p className="break-all">
            {SOURCE_KIND_LABELS[source.kind as keyof typeof SOURCE_KIND_LABELS] ?? source.kind}, {source.language}: {source.url}
          </p>
          <p>
            Speaks for {speaksFor}; every {source.intervalMinutes} min. {source.pendingProposals} proposals pending.
          </p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3">
            <dt>Last fetch</dt>
            <dd>{when(source.lastFetchAt)}</dd>
            <dt>Last error</dt>
            <dd>{source.lastError ? `${source.lastError} (${source.failures} in a row)` : "none"}</dd>
            <dt>Next fetch</dt>
            <dd>{source.enabled ? when(source.nextFetchAt) : "paused"}</dd>
          </dl>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" disabled={busy} onClick={() => act(async () => setTrial(await testSource.mutateAsync(source.id)))} className="rounded border border-slate-400 px-3 py-1.5">
            Test
          </button>
          {source.enabled && (
            <button type="button" disabled={busy} onClick={() => patch({ fetchNow: true })} className="rounded border border-slate-400 px-3 py-1.5">
              Fetch now
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => patch({ enabled: !source.enabled })} className="rounded border border-slate-400 px-3 py-1.5">
            {source.enabled ? "Pause" : "Resume watching"}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              if (window.confirm(`Delete ${source.name} and its pending proposals?`)) void act(() => deleteSource.mutateAsync(source.id));
            }}
            className="rounded border border-red-700 px-3 py-1.5 text-red-800"
          >
            Delete
          </button>
        </div>
      </div>
      <FormErrors message={errors?.message} fields={errors?.fields} />
      {trial && <TrialView trial={trial} />}
    </li>
  );
}

export function SourcesAdmin({ initialSources }: { initialSources: SourceView[] }) {
  return (
    <div className="space-y-4">
      <AddSource />
      {initialSources.length === 0 ? (
        <p>No source is watched yet.</p>
      ) : (
        <ul aria-label="Sources" className="space-y-2">
          {initialSources.map((source) => (
            <SourceRow key={source.id} source={source} />
          ))}
        </ul>
      )}
    </div>
  );
}
