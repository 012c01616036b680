"use client";

import { useState } from "react";
import { ApiError } from "@/lib/admin/api-client";
import { useApplyImport, useDryRunImport } from "@/lib/admin/import";
import type { PlanSummary } from "@/lib/import/plan-summary";

const ROWS_SHOWN = 500;
const ACTION_LABELS = { add: "Add", update: "Update", unchanged: "Unchanged", reject: "Rejected" } as const;

export function ImportForm() {
  const dryRun = useDryRunImport();
  const applyImport = useApplyImport();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<PlanSummary | null>(null);
  const [applied, setApplied] = useState<{ milliseconds: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<"dry-run" | "apply" | null>(null);

  async function send(mode: "dry-run" | "apply") {
    if (!file) return setError("Choose a file first.");
    setPending(mode);
    setError(null);
    try {
      const result = await (mode === "apply" ? applyImport : dryRun).mutateAsync(file);
      setPlan(result.plan);
      setApplied(mode === "apply" ? { milliseconds: result.milliseconds ?? 0 } : null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "The import failed.");
    } finally {
      setPending(null);
    }
  }

  // Rejected rows first: they are the ones that need a decision.
  const order = { reject: 0, update: 1, add: 2, unchanged: 3 } as const;
  const listed = (plan?.rows.filter((row) => row.action !== "unchanged") ?? []).sort((a, b) => order[a.action] - order[b.action] || a.line - b.line);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <label className="text-sm font-medium">
          File (CSV or JSON)
          <input
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPlan(null);
              setApplied(null);
            }}
            className="mt-1 block"
          />
        </label>
        <button type="button" onClick={() => send("dry-run")} disabled={!file || pending !== null} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {pending === "dry-run" ? "Checking…" : "Dry run"}
        </button>
        <button type="button" onClick={() => send("apply")} disabled={!plan || applied !== null || pending !== null} className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {pending === "apply" ? "Importing…" : "Apply import"}
        </button>
      </div>
      {error && <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-900">{error}</p>}
      {plan && (
        <section aria-labelledby="plan-heading" className="space-y-2">
          <h2 id="plan-heading" className="text-lg font-semibold">{applied ? "Imported" : "Dry run: nothing written yet"}</h2>
          <p role="status">
            {plan.summary.add} to add, {plan.summary.update} to update, {plan.summary.unchanged} unchanged, {plan.summary.reject} rejected
            {applied && ` — applied in one transaction in ${(applied.milliseconds / 1000).toFixed(1)} s`}
          </p>
          {plan.unmappedCountries.length > 0 && (
            <p className="text-sm">Countries that could not be mapped: {plan.unmappedCountries.map((country) => `${country.name} (${country.rows})`).join(", ")}</p>
          )}
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Rows that would change or are rejected</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="p-2">Line</th>
                  <th scope="col" className="p-2">Result</th>
                  <th scope="col" className="p-2">Mission</th>
                  <th scope="col" className="p-2">Details</th>
                </tr>
              </thead>
              <tbody>
                {listed.slice(0, ROWS_SHOWN).map((row) => (
                  <tr key={`${row.line}-${row.action}`} className="border-t border-slate-200">
                    <td className="p-2 tabular-nums">{row.line}</td>
                    <td className="p-2">{ACTION_LABELS[row.action]}</td>
                    <td className="p-2">{row.label ?? "—"}</td>
                    <td className="p-2">{row.reason ?? (row.fields ? `changes ${row.fields.join(", ")}` : "")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {listed.length > ROWS_SHOWN && <p className="text-sm">…and {listed.length - ROWS_SHOWN} more rows (the command-line import lists them all).</p>}
        </section>
      )}
    </div>
  );
}
