"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Fragment, useMemo, useState } from "react";
import { StatusBadge } from "@/components/status-badge";
import { StatusTotals } from "@/components/status-totals";
import { apiFetch } from "@/lib/admin/api-client";
import { adminMissionsKey, adminMissionsQuery, rowFromWire, type AdminRow, type AdminRowWire } from "@/lib/admin/missions-query";
import { filterMissions } from "@/lib/missions/filter-missions";
import { filtersToSearchParams, type MissionFilters, type MissionSort } from "@/lib/missions/filters";
import type { StatusUpdateInput, VerifyInput } from "@/lib/missions/schema";
import { missionTypeLabel } from "@/lib/missions/types";
import { FRESHNESS_LABELS } from "@/lib/status/wording";
import { formatAge, formatDateTime } from "@/lib/time";
import { BulkEventForm } from "./bulk-event-form";
import { StatusForm, VerifyForm } from "./status-form";

const MAX_ROWS_SHOWN = 300;

function SortHeader({ label, sort, filters }: { label: string; sort: MissionSort; filters: MissionFilters }) {
  const active = filters.sort === sort;
  const nextDir = active && filters.dir === "asc" ? "desc" : "asc";
  const query = filtersToSearchParams({ ...filters, sort, dir: nextDir }).toString();
  return (
    <th scope="col" className="p-2" aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={`/admin${query ? `?${query}` : ""}`} className="hover:underline">
        {label}
        <span aria-hidden="true" className="ml-1 text-xs text-slate-500">{active ? (filters.dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">{active ? `, sorted ${filters.dir === "asc" ? "ascending" : "descending"}` : ", activate to sort"}</span>
      </Link>
    </th>
  );
}

type Panel = { missionId: number; kind: "status" | "verify" } | null;

function useStatusMutations() {
  const queryClient = useQueryClient();
  const replaceRow = (id: number, update: (row: AdminRow) => AdminRow) =>
    queryClient.setQueryData<AdminRow[]>(adminMissionsKey, (rows) => rows?.map((row) => (row.id === id ? update(row) : row)));

  // Optimistic: the row shows the new status at once and rolls back if the server refuses.
  const change = useMutation({
    mutationFn: ({ id, input }: { id: number; input: StatusUpdateInput }) =>
      apiFetch<{ mission: AdminRowWire }>(`/api/admin/missions/${id}/status`, { body: input }),
    onMutate: async ({ id, input }) => {
      await queryClient.cancelQueries({ queryKey: adminMissionsKey });
      const previous = queryClient.getQueryData<AdminRow[]>(adminMissionsKey);
      replaceRow(id, (row) => ({ ...row, status: input.status, statusReason: input.reason, verifiedAt: new Date(), statusUntil: input.until, expectedAfter: null, freshness: "fresh" }));
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(adminMissionsKey, context.previous);
    },
    onSuccess: ({ mission }, { id }) => replaceRow(id, (row) => ({ ...row, ...rowFromWire({ ...row, ...mission } as AdminRowWire) })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminMissionsKey }),
  });
  const verify = useMutation({
    mutationFn: ({ id, input }: { id: number; input: VerifyInput }) => apiFetch<{ mission: AdminRowWire }>(`/api/admin/missions/${id}/verify`, { body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminMissionsKey }),
  });
  return { change, verify };
}

export function AdminMissions({ initialRows, filters }: { initialRows: AdminRowWire[]; filters: MissionFilters }) {
  const initialData = useMemo(() => initialRows.map(rowFromWire), [initialRows]);
  const query = useQuery({ ...adminMissionsQuery(), initialData });
  const rows = useMemo(() => query.data ?? [], [query.data]);
  const result = useMemo(() => filterMissions(rows, filters), [rows, filters]);
  const shown = result.rows.slice(0, MAX_ROWS_SHOWN);
  const [panel, setPanel] = useState<Panel>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const { change, verify } = useStatusMutations();

  const allShownSelected = shown.length > 0 && shown.every((row) => selected.has(row.id));
  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () => setSelected(allShownSelected ? new Set() : new Set(shown.map((row) => row.id)));
  const selectedRows = rows.filter((row) => selected.has(row.id));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <StatusTotals counts={result.totals} label="Missions per status for these filters" />
        <p className="text-sm text-slate-600" role="status">
          Showing {shown.length} of {result.rows.length} matching missions{query.isFetching ? " (refreshing…)" : ""}
        </p>
      </div>

      <BulkEventForm selected={selectedRows} onApplied={() => setSelected(new Set())} />

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Missions to edit</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-2">
                <input type="checkbox" aria-label="Select all shown missions" checked={allShownSelected} onChange={toggleAll} className="h-4 w-4" />
              </th>
              <SortHeader label="Sending country" sort="sending" filters={filters} />
              <th scope="col" className="p-2">Mission</th>
              <SortHeader label="Status" sort="status" filters={filters} />
              <SortHeader label="Last verified" sort="verified" filters={filters} />
              <th scope="col" className="p-2">Actions</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const open = panel?.missionId === row.id ? panel.kind : null;
              return (
                <Fragment key={row.id}>
                  <tr className="border-t border-slate-200 align-top">
                    <td className="p-2">
                      <input type="checkbox" aria-label={`Select ${row.sendingName}, ${row.city}`} checked={selected.has(row.id)} onChange={() => toggle(row.id)} className="h-4 w-4" />
                    </td>
                    <th scope="row" className="p-2 font-medium">{row.sendingName}</th>
                    <td className="p-2">
                      <Link href={`/admin/missions/${row.id}`} className="underline">
                        {missionTypeLabel(row.type)}, {row.city}
                      </Link>
                      <span className="block text-slate-600">{row.hostName}</span>
                    </td>
                    <td className="p-2">
                      <StatusBadge status={row.status} />
                      {row.freshness && <span className="block text-xs font-medium">{FRESHNESS_LABELS[row.freshness]}</span>}
                      {row.statusReason && <span className="block text-slate-600">{row.statusReason}</span>}
                    </td>
                    <td className="p-2">
                      {row.verifiedAt ? (
                        <time dateTime={row.verifiedAt.toISOString()} title={formatDateTime(row.verifiedAt, row.timeZone)} suppressHydrationWarning>
                          {formatAge(row.verifiedAt)}
                        </time>
                      ) : (
                        "never"
                      )}
                    </td>
                    <td className="space-x-2 whitespace-nowrap p-2">
                      <button
                        type="button"
                        aria-expanded={open === "status"}
                        aria-label={`Change status of ${row.sendingName}, ${row.city}`}
                        onClick={() => setPanel(open === "status" ? null : { missionId: row.id, kind: "status" })}
                        className="rounded border border-slate-300 px-2 py-1"
                      >
                        Change status
                      </button>
                      {row.status && (
                        <button
                          type="button"
                          aria-expanded={open === "verify"}
                          aria-label={`Re-verify ${row.sendingName}, ${row.city}`}
                          onClick={() => setPanel(open === "verify" ? null : { missionId: row.id, kind: "verify" })}
                          className="rounded border border-slate-300 px-2 py-1"
                        >
                          Re-verify
                        </button>
                      )}
                    </td>
                  </tr>
                  {open && (
                    <tr className="bg-slate-50">
                      <td colSpan={6} className="p-3">
                        {open === "status" ? (
                          <StatusForm mission={row} onSubmit={(input) => change.mutateAsync({ id: row.id, input })} onDone={() => setPanel(null)} />
                        ) : (
                          <VerifyForm mission={row} onSubmit={(input) => verify.mutateAsync({ id: row.id, input })} onDone={() => setPanel(null)} />
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
