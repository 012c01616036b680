"use client";

import Link from "next/link";
import { Fragment, useMemo, useState } from "react";
import { StatusBadge } from "@/components/status-badge";
import { StatusTotals } from "@/components/status-totals";
import { ADMIN_PAGE_SIZE, pageFromWire, useAdminMissionPage, useChangeMissionStatus, useVerifyMission, type AdminMissionPageWire, type AdminRow } from "@/lib/admin/missions-query";
import { filtersToSearchParams, type MissionFilters, type MissionSort } from "@/lib/missions/filters";
import { missionTypeLabel } from "@/lib/missions/types";
import { FRESHNESS_LABELS } from "@/lib/status/wording";
import { formatAge, formatDateTime } from "@/lib/time";
import { BulkEventForm } from "./bulk-event-form";
import { StatusForm, VerifyForm } from "./status-form";

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

export function AdminMissions({ initialPage, filters }: { initialPage: AdminMissionPageWire; filters: MissionFilters }) {
  // The cursors of the pages before this one: "Previous" pops, "Next" pushes (keyset pages).
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors.at(-1) ?? null;
  const initialData = useMemo(() => pageFromWire(initialPage), [initialPage]);
  const query = useAdminMissionPage({ filters, cursor, limit: ADMIN_PAGE_SIZE }, cursor === null ? initialData : undefined);
  const page = query.data ?? initialData;
  const shown = page.missions;
  const [panel, setPanel] = useState<Panel>(null);
  const [selected, setSelected] = useState<Map<number, AdminRow>>(new Map());
  const change = useChangeMissionStatus();
  const verify = useVerifyMission();
  const firstShown = cursors.length === 1 ? 1 : (cursors.length - 1) * ADMIN_PAGE_SIZE + 1;

  const allShownSelected = shown.length > 0 && shown.every((row) => selected.has(row.id));
  const toggle = (row: AdminRow) =>
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(row.id)) next.delete(row.id);
      else next.set(row.id, row);
      return next;
    });
  const toggleAll = () =>
    setSelected((current) => {
      const next = new Map(current);
      for (const row of shown) {
        if (allShownSelected) next.delete(row.id);
        else next.set(row.id, row);
      }
      return next;
    });
  const selectedRows = [...selected.values()];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <StatusTotals counts={page.totals} label="Missions per status for these filters" />
        <p className="text-sm text-slate-600" role="status">
          {shown.length ? `Showing ${firstShown}–${firstShown + shown.length - 1} of ${page.matching} matching missions` : `No missions among ${page.matching} match`}
          {query.isFetching ? " (refreshing…)" : ""}
        </p>
      </div>

      <BulkEventForm selected={selectedRows} onApplied={() => setSelected(new Map())} />

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="admin-missions w-full text-left text-sm">
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
                  <tr>
                    <td>
                      <input type="checkbox" aria-label={`Select ${row.sendingName}, ${row.city}`} checked={selected.has(row.id)} onChange={() => toggle(row)} />
                    </td>
                    <th scope="row">{row.sendingName}</th>
                    <td>
                      <Link href={`/admin/missions/${row.id}`} className="underline">
                        {missionTypeLabel(row.type)}, {row.city}
                      </Link>
                      <span className="block text-slate-600">{row.hostName}</span>
                    </td>
                    <td>
                      <StatusBadge status={row.status} />
                      {row.freshness && <span className="block text-xs font-medium">{FRESHNESS_LABELS[row.freshness]}</span>}
                      {row.statusReason && <span className="block text-slate-600">{row.statusReason}</span>}
                    </td>
                    <td>
                      {row.verifiedAt ? (
                        <time dateTime={row.verifiedAt.toISOString()} title={formatDateTime(row.verifiedAt, row.timeZone)} suppressHydrationWarning>
                          {formatAge(row.verifiedAt)}
                        </time>
                      ) : (
                        "never"
                      )}
                    </td>
                    <td className="space-x-2 whitespace-nowrap">
                      <button
                        type="button"
                        aria-expanded={open === "status"}
                        aria-label={`Change status of ${row.sendingName}, ${row.city}`}
                        onClick={() => setPanel(open === "status" ? null : { missionId: row.id, kind: "status" })}
                      >
                        Change status
                      </button>
                      {row.status && (
                        <button
                          type="button"
                          aria-expanded={open === "verify"}
                          aria-label={`Re-verify ${row.sendingName}, ${row.city}`}
                          onClick={() => setPanel(open === "verify" ? null : { missionId: row.id, kind: "verify" })}
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
      <nav aria-label="Pages of missions" className="flex gap-2">
        {cursors.length > 1 && (
          <button type="button" onClick={() => setCursors((current) => current.slice(0, -1))} className="rounded border border-slate-300 px-3 py-1">
            Previous {ADMIN_PAGE_SIZE}
          </button>
        )}
        {page.nextCursor && (
          <button type="button" onClick={() => setCursors((current) => [...current, page.nextCursor])} className="rounded border border-slate-300 px-3 py-1">
            Next {ADMIN_PAGE_SIZE}
          </button>
        )}
      </nav>
    </div>
  );
}
