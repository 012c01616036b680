"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { StatusBadge } from "@/components/status-badge";
import { SourceLink } from "@/components/source-link";
import { ApiError, fieldErrorsOf, type FieldError } from "@/lib/admin/api-client";
import { useBulkReverify, useChangeQueuedStatus, useReverifyMission, verificationQueueQuery } from "@/lib/admin/verification-queue";
import { BulkVerifySchema } from "@/lib/missions/schema";
import { missionTypeLabel } from "@/lib/missions/types";
import { FRESHNESS_LABELS } from "@/lib/status/wording";
import type { QueueItem, VerificationQueue } from "@/lib/verification/types";
import { fieldClass, SourceFields, type SourceDefaults } from "../../_components/form-fields";
import { FormErrors } from "../_components/form-errors";
import { StatusForm, VerifyForm } from "../_components/status-form";

type Panel = { id: number; kind: "verify" | "status" } | null;

const missionName = (item: QueueItem) => `${item.sendingName}, ${item.city}`;
const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

function Progress({ progress }: { progress: VerificationQueue["progress"] }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p role="status" className="font-medium">
        {progress.checkedToday} of {progress.total} checked today
      </p>
      <progress value={progress.checkedToday} max={Math.max(progress.total, 1)} aria-label="Checked today" className="h-2 w-48" />
      <span className="text-sm text-slate-600">(days in UTC)</span>
    </div>
  );
}

/** Every queued mission of one city confirmed from one source, as one event. */
function BulkReverify({ items, asOf }: { items: QueueItem[]; asOf: string }) {
  const id = useId();
  const bulk = useBulkReverify();
  const cities = useMemo(() => {
    const byCity = new Map<string, { key: string; label: string; items: QueueItem[] }>();
    for (const item of items.filter((candidate) => candidate.status)) {
      const key = `${item.hostCode}|${item.city}`;
      const entry = byCity.get(key) ?? { key, label: `${item.city}, ${item.hostName}`, items: [] };
      entry.items.push(item);
      byCity.set(key, entry);
    }
    return [...byCity.values()].sort((a, b) => b.items.length - a.items.length || a.label.localeCompare(b.label, "en"));
  }, [items]);
  const [cityKey, setCityKey] = useState<string>("");
  const city = cities.find((entry) => entry.key === cityKey) ?? cities[0];
  const [errors, setErrors] = useState<{ message?: string; fields?: FieldError[] } | null>(null);
  const [done, setDone] = useState<{ slug: string; name: string; count: number } | null>(null);
  if (!city) return done ? <BulkDone done={done} /> : null;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!city) return;
    const data = new FormData(event.currentTarget);
    const parsed = BulkVerifySchema.safeParse({
      name: data.get("name"),
      sourceUrl: data.get("sourceUrl"),
      sourceTitle: data.get("sourceTitle"),
      missions: city.items.map((item) => ({ id: item.id, expectedVersion: item.version })),
    });
    if (!parsed.success) return setErrors({ fields: fieldErrorsOf(parsed.error) });
    setErrors(null);
    setDone(null);
    bulk.mutate(parsed.data, {
      onSuccess: ({ event: created, count }) => setDone({ ...created, count }),
      onError: (error) =>
        setErrors(
          error instanceof ApiError
            ? { message: error.status === 409 ? `${error.message}. Nothing was changed; the queue is reloaded, check and apply again.` : error.message, fields: error.fields }
            : { message: "Could not re-verify." },
        ),
    });
  }

  // The server's day, so the server's and the browser's first render agree.
  const today = asOf.slice(0, 10);
  return (
    <details className="rounded-lg border border-blue-300 bg-blue-50 p-4">
      <summary className="cursor-pointer font-semibold">Re-verify a whole city from one source</summary>
      <form onSubmit={submit} aria-label="Re-verify a city as one event" className="mt-3 grid gap-3 sm:grid-cols-2" noValidate>
        <label className="text-sm font-medium" htmlFor={`${id}-city`}>
          City
          <select id={`${id}-city`} value={city.key} onChange={(event) => setCityKey(event.target.value)} className={fieldClass}>
            {cities.map((entry) => (
              <option key={entry.key} value={entry.key}>
                {entry.label} ({entry.items.length})
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium" htmlFor={`${id}-name`}>
          Event name
          <input id={`${id}-name`} key={city.key} name="name" required maxLength={200} defaultValue={`Re-verification, ${city.items[0]!.city}, ${today}`} className={fieldClass} />
        </label>
        <SourceFields id={id} />
        <p className="text-sm sm:col-span-2">
          Each mission keeps its status; the source confirms it again: {city.items.map(missionName).join("; ")}.
        </p>
        <div className="space-y-2 sm:col-span-2">
          <FormErrors message={errors?.message} fields={errors?.fields} />
          <button type="submit" disabled={bulk.isPending} className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white disabled:opacity-60">
            {bulk.isPending ? "Re-verifying…" : `Re-verify ${city.items.length} missions in ${city.items[0]!.city}`}
          </button>
        </div>
      </form>
      {done && <BulkDone done={done} />}
    </details>
  );
}

function BulkDone({ done }: { done: { slug: string; name: string; count: number } }) {
  return (
    <p role="status" className="mt-3 rounded bg-green-50 p-2 text-sm text-green-900">
      Re-verified {done.count} missions as one event: <Link href={`/events/${done.slug}`} className="underline">{done.name}</Link>
    </p>
  );
}

export function VerificationQueueView({ initialQueue }: { initialQueue: VerificationQueue }) {
  const query = useQuery({ ...verificationQueueQuery(), initialData: initialQueue });
  const { items, progress } = query.data;
  const reverify = useReverifyMission();
  const change = useChangeQueuedStatus();
  const [panel, setPanel] = useState<Panel>(null);
  const [lastSource, setLastSource] = useState<SourceDefaults | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // After an item leaves, focus moves to the one that took its place.
  // A ref, not state: moving focus is a side effect of the list changing, not something to render.
  const pendingFocus = useRef<number | null>(null);

  const primaryButtons = () => [...(listRef.current?.querySelectorAll<HTMLButtonElement>("[data-primary-action]") ?? [])];

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    pendingFocus.current = null;
    const buttons = primaryButtons();
    (buttons[Math.min(index, buttons.length - 1)] ?? null)?.focus();
  }, [items, panel]);

  useEffect(() => {
    if (!panel) return;
    const field = listRef.current?.querySelector<HTMLElement>(`[data-panel-for="${panel.id}"] input[name="sourceUrl"], [data-panel-for="${panel.id}"] input[name="status"]`);
    field?.focus();
  }, [panel]);

  // Shortcuts work anywhere on the page except while typing (Escape always closes the form).
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape" && panel) {
        const index = items.findIndex((item) => item.id === panel.id);
        setPanel(null);
        pendingFocus.current = index;
        event.preventDefault();
        return;
      }
      if (isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      const buttons = primaryButtons();
      const current = buttons.findIndex((button) => button.closest("li")?.contains(document.activeElement));
      // Arrows move between missions only from inside the list, so they still scroll the page.
      if (event.key === "j" || (event.key === "ArrowDown" && current >= 0)) {
        buttons[Math.min(current + 1, buttons.length - 1)]?.focus();
        event.preventDefault();
      } else if (event.key === "k" || (event.key === "ArrowUp" && current >= 0)) {
        buttons[Math.max(current - 1, 0)]?.focus();
        event.preventDefault();
      } else if (event.key === "c" && current >= 0 && items[current]) {
        setPanel({ id: items[current].id, kind: "status" });
        event.preventDefault();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [items, panel]);

  const closeAfterWrite = (index: number) => {
    setPanel(null);
    pendingFocus.current = index;
  };

  return (
    <div className="space-y-4">
      <Progress progress={progress} />
      <BulkReverify items={items} asOf={query.data.asOf} />
      <p id="queue-keys" className="text-sm text-slate-700">
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> (or <kbd>↓</kbd>/<kbd>↑</kbd>) move between missions, <kbd>Enter</kbd> re-verifies the
        focused one with a source (<kbd>Enter</kbd> again saves), <kbd>c</kbd> changes its status, <kbd>Esc</kbd> closes the form.
      </p>
      {items.length === 0 ? (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900">Nothing to check: every status in your countries is confirmed.</p>
      ) : (
        <ol ref={listRef} aria-label="Missions to check, most urgent first" aria-describedby="queue-keys" className="space-y-2">
          {items.map((item, index) => {
            const open = panel?.id === item.id ? panel.kind : null;
            return (
              <li key={item.id} data-mission={item.slug} className="rounded-lg border border-slate-200 bg-white p-3 focus-within:border-slate-900 focus-within:ring-2 focus-within:ring-slate-900">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="space-y-1">
                    <h2 className="font-semibold">
                      <Link href={`/admin/missions/${item.id}`} className="underline decoration-slate-300 underline-offset-2">
                        {item.sendingName}
                      </Link>{" "}
                      <span className="font-normal">— {missionTypeLabel(item.type)}, {item.city}, {item.hostName}</span>
                      {item.inCrisis && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-950">Country in crisis</span>}
                    </h2>
                    <p className="flex flex-wrap items-center gap-2 text-sm">
                      <StatusBadge status={item.status} unconfirmed />
                      <span>{item.statusText}</span>
                      <span className="text-slate-600">({FRESHNESS_LABELS[item.freshness]})</span>
                    </p>
                    {item.statusReason && <p className="text-sm text-slate-700">{item.statusReason}</p>}
                    {item.sourceUrl && (
                      <p className="text-sm text-slate-600">
                        Last source: <SourceLink url={item.sourceUrl} title={item.sourceTitle} />
                      </p>
                    )}
                  </div>
                  <div className="flex gap-2">
                    {item.status ? (
                      <button
                        type="button"
                        data-primary-action
                        aria-expanded={open === "verify"}
                        aria-label={`Re-verify ${missionName(item)}`}
                        onClick={() => setPanel(open === "verify" ? null : { id: item.id, kind: "verify" })}
                        className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
                      >
                        Re-verify
                      </button>
                    ) : null}
                    <button
                      type="button"
                      {...(item.status ? {} : { "data-primary-action": true })}
                      aria-expanded={open === "status"}
                      aria-label={`Change status of ${missionName(item)}`}
                      onClick={() => setPanel(open === "status" ? null : { id: item.id, kind: "status" })}
                      className="rounded border border-slate-400 px-3 py-1.5 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
                    >
                      Change status
                    </button>
                  </div>
                </div>
                {open && (
                  <div data-panel-for={item.id} className="mt-3 border-t border-slate-200 pt-3">
                    {open === "verify" ? (
                      <VerifyForm
                        mission={item}
                        sourceDefaults={lastSource}
                        onSubmit={async (input) => {
                          await reverify.mutateAsync({ id: item.id, input });
                          setLastSource({ sourceUrl: input.sourceUrl, sourceTitle: input.sourceTitle });
                        }}
                        onDone={() => closeAfterWrite(index)}
                      />
                    ) : (
                      <StatusForm mission={item} onSubmit={(input) => change.mutateAsync({ id: item.id, input })} onDone={() => closeAfterWrite(index)} />
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
