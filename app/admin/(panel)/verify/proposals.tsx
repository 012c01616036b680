"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { StatusBadge } from "@/components/status-badge";
import { ApiError, type FieldError } from "@/lib/admin/api-client";
import { proposalsQuery, useAcceptProposal, useDismissProposal } from "@/lib/admin/proposals";
import type { PendingProposal } from "@/lib/sources/types";
import { STATUS_LABELS, STATUSES, type Status } from "@/lib/status/schema";
import { formatLocalAndUtc } from "@/lib/time";
import { instantToWallTime, wallTimeToInstant } from "@/lib/zoned-time";
import { fieldClass } from "../../_components/form-fields";
import { FormErrors } from "../_components/form-errors";

type Errors = { message?: string; fields?: FieldError[] } | null;

const errorsOf = (error: unknown): Errors =>
  error instanceof ApiError
    ? { message: error.status === 409 ? `${error.message}. Nothing was changed; the list is reloaded.` : error.message, fields: error.fields }
    : { message: "Could not save." };

const statusLabel = (status: string | null) => (status && status in STATUS_LABELS ? STATUS_LABELS[status as Status] : "not reported");

/** The excerpt with its triggering phrase marked, so the editor sees the words at once. */
function Excerpt({ excerpt, trigger }: { excerpt: string; trigger: string }) {
  const at = trigger ? excerpt.indexOf(trigger) : -1;
  return (
    <blockquote className="border-l-4 border-slate-300 pl-3 text-sm text-slate-800">
      {at < 0 ? (
        excerpt
      ) : (
        <>
          {excerpt.slice(0, at)}
          <mark className="bg-yellow-200 px-0.5 font-medium">{trigger}</mark>
          {excerpt.slice(at + trigger.length)}
        </>
      )}
    </blockquote>
  );
}

function EditThenAccept({ proposal, onDone }: { proposal: PendingProposal; onDone(): void }) {
  const id = useId();
  const accept = useAcceptProposal();
  const [errors, setErrors] = useState<Errors>(null);
  const zone = proposal.mission.timeZone;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const wallTime = String(data.get("until") ?? "");
    const until = wallTime ? (wallTimeToInstant(wallTime, zone)?.toISOString() ?? "invalid") : null;
    setErrors(null);
    accept.mutate(
      { id: proposal.id, input: { expectedVersion: proposal.mission.version, status: String(data.get("status")), until, reason: String(data.get("reason") ?? "") || undefined } },
      { onSuccess: onDone, onError: (error) => setErrors(errorsOf(error)) },
    );
  }

  return (
    <form onSubmit={submit} aria-label={`Edit, then accept for ${proposal.mission.name}`} className="mt-3 grid gap-3 border-t border-slate-200 pt-3 sm:grid-cols-2" noValidate>
      <fieldset>
        <legend className="text-sm font-medium">Status</legend>
        <div className="mt-1 flex gap-4">
          {STATUSES.map((status) => (
            <label key={status} className="inline-flex items-center gap-1.5">
              <input type="radio" name="status" value={status} defaultChecked={status === proposal.suggestedStatus} />
              {STATUS_LABELS[status]}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="text-sm font-medium" htmlFor={`${id}-until`}>
        Until ({zone}; empty: until further notice)
        <input id={`${id}-until`} name="until" type="datetime-local" defaultValue={proposal.until ? instantToWallTime(new Date(proposal.until), zone) : undefined} className={fieldClass} />
      </label>
      <label className="text-sm font-medium sm:col-span-2" htmlFor={`${id}-reason`}>
        Reason (empty: the notice’s words)
        <input id={`${id}-reason`} name="reason" maxLength={500} className={fieldClass} />
      </label>
      <div className="space-y-2 sm:col-span-2">
        <FormErrors message={errors?.message} fields={errors?.fields} />
        <button type="submit" disabled={accept.isPending} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {accept.isPending ? "Saving…" : "Accept with these changes"}
        </button>
      </div>
    </form>
  );
}

function Dismiss({ proposal, onDone }: { proposal: PendingProposal; onDone(): void }) {
  const id = useId();
  const dismiss = useDismissProposal();
  const [errors, setErrors] = useState<Errors>(null);
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    if (!reason) return setErrors({ fields: [{ field: "reason", message: "is required" }] });
    setErrors(null);
    dismiss.mutate({ id: proposal.id, reason }, { onSuccess: onDone, onError: (error) => setErrors(errorsOf(error)) });
  }
  return (
    <form onSubmit={submit} aria-label={`Dismiss the proposal for ${proposal.mission.name}`} className="mt-3 space-y-2 border-t border-slate-200 pt-3" noValidate>
      <label className="block text-sm font-medium" htmlFor={`${id}-reason`}>
        Why dismiss it?
        <input id={`${id}-reason`} name="reason" required maxLength={500} placeholder="e.g. an old alert, or about another city" className={fieldClass} />
      </label>
      <FormErrors message={errors?.message} fields={errors?.fields} />
      <button type="submit" disabled={dismiss.isPending} className="rounded border border-slate-400 px-3 py-1.5 disabled:opacity-60">
        {dismiss.isPending ? "Dismissing…" : "Dismiss"}
      </button>
    </form>
  );
}

function ProposalItem({ proposal }: { proposal: PendingProposal }) {
  const accept = useAcceptProposal();
  const [panel, setPanel] = useState<"edit" | "dismiss" | null>(null);
  const [errors, setErrors] = useState<Errors>(null);
  const zone = proposal.mission.timeZone;
  const reverify = proposal.kind === "reverify";
  return (
    <li data-proposal={proposal.mission.slug} className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h3 className="font-semibold">
            {proposal.mission.name} <span className="font-normal">— {proposal.mission.hostName}</span>
            {proposal.inCrisis && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-950">Country in crisis</span>}
          </h3>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            {reverify ? "Confirms the current status:" : `Suggests (now ${statusLabel(proposal.mission.status)}):`}
            <StatusBadge status={proposal.suggestedStatus} />
            {proposal.untilPhrase && (
              <span>
                {proposal.until ? `until ${formatLocalAndUtc(new Date(proposal.until), zone)}` : ""} (“{proposal.untilPhrase}”)
              </span>
            )}
            <span className="text-slate-600">confidence {Math.round(proposal.confidence * 100)} %</span>
          </p>
          <p className="text-sm">
            <a href={proposal.link} rel="noopener noreferrer nofollow" target="_blank" className="underline">
              {proposal.title}
            </a>{" "}
            <span className="text-slate-600">
              — {proposal.sourceName}
              {proposal.publishedAt ? `, published ${formatLocalAndUtc(new Date(proposal.publishedAt), zone)}` : ""}
            </span>
          </p>
          <Excerpt excerpt={proposal.excerpt} trigger={proposal.triggerPhrase} />
          <p className="text-xs text-slate-600">Triggered by “{proposal.triggerPhrase}”</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            disabled={accept.isPending}
            aria-label={`${reverify ? "Accept re-verification" : "Accept"} for ${proposal.mission.name}`}
            onClick={() => {
              setErrors(null);
              accept.mutate({ id: proposal.id, input: { expectedVersion: proposal.mission.version } }, { onError: (error) => setErrors(errorsOf(error)) });
            }}
            className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60"
          >
            {reverify ? "Accept re-verification" : "Accept"}
          </button>
          <button type="button" aria-expanded={panel === "edit"} onClick={() => setPanel(panel === "edit" ? null : "edit")} className="rounded border border-slate-400 px-3 py-1.5">
            Edit, then accept
          </button>
          <button type="button" aria-expanded={panel === "dismiss"} onClick={() => setPanel(panel === "dismiss" ? null : "dismiss")} className="rounded border border-slate-400 px-3 py-1.5">
            Dismiss…
          </button>
        </div>
      </div>
      {proposal.diff && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer">What changed on the page</summary>
          <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2">{proposal.diff}</pre>
        </details>
      )}
      <FormErrors message={errors?.message} fields={errors?.fields} />
      {panel === "edit" && <EditThenAccept proposal={proposal} onDone={() => setPanel(null)} />}
      {panel === "dismiss" && <Dismiss proposal={proposal} onDone={() => setPanel(null)} />}
    </li>
  );
}

export function ProposalsView({ initialProposals }: { initialProposals: PendingProposal[] }) {
  const { data: proposals } = useQuery({ ...proposalsQuery(), initialData: initialProposals });
  return (
    <section aria-labelledby="proposals-heading" className="space-y-2">
      <h2 id="proposals-heading" className="text-xl font-semibold">
        Proposals from watched sources ({proposals.length})
      </h2>
      {proposals.length === 0 ? (
        <p className="text-slate-700">No notice waits for a decision.</p>
      ) : (
        <ol aria-label="Proposals, most urgent first" className="space-y-2">
          {proposals.map((proposal) => (
            <ProposalItem key={proposal.id} proposal={proposal} />
          ))}
        </ol>
      )}
    </section>
  );
}
