import Link from "next/link";
import { filtersToSearchParams, type MissionFilters, type MissionSort } from "@/lib/missions/filters";
import type { MissionRow } from "@/lib/missions/filter-missions";
import { missionTypeLabel } from "@/lib/missions/types";
import { CountryName } from "./country-name";
import { DateTime } from "./date-time";
import { SourceLink } from "./source-link";
import { StatusWithFreshness } from "./status-with-freshness";

export type MissionColumn = "sending" | "host" | "city" | "type" | "status" | "since" | "reason" | "source" | "verified";

const HEADERS: Record<MissionColumn, { label: string; sort?: MissionSort }> = {
  sending: { label: "Sending country", sort: "sending" },
  host: { label: "Host country", sort: "host" },
  city: { label: "City", sort: "city" },
  type: { label: "Type", sort: "type" },
  status: { label: "Status", sort: "status" },
  since: { label: "Since", sort: "since" },
  reason: { label: "Reason" },
  source: { label: "Source" },
  verified: { label: "Last verified", sort: "verified" },
};

/** Parameters every link keeps besides the filters (the moment shown, lib/history/moment.ts). */
export type KeptParams = Record<string, string>;

const withKept = (query: URLSearchParams, keep: KeptParams) => {
  for (const [name, value] of Object.entries(keep)) query.set(name, value);
  return query.toString();
};

function SortHeader({ column, filters, basePath, keep }: { column: MissionColumn; filters: MissionFilters; basePath: string; keep: KeptParams }) {
  const { label, sort } = HEADERS[column];
  if (!sort) return <th scope="col" className="px-3 py-2 text-left font-semibold">{label}</th>;
  const active = filters.sort === sort;
  const nextDir = active && filters.dir === "asc" ? "desc" : "asc";
  const query = withKept(filtersToSearchParams({ ...filters, sort, dir: nextDir }), keep);
  return (
    <th
      scope="col"
      className="px-3 py-2 text-left font-semibold"
      aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link href={`${basePath}${query ? `?${query}` : ""}`} className="inline-flex items-center gap-1 hover:underline">
        {label}
        <span aria-hidden="true" className="text-xs text-slate-500">
          {active ? (filters.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">{active ? `, sorted ${filters.dir === "asc" ? "ascending" : "descending"}; activate to reverse` : ", activate to sort"}</span>
      </Link>
    </th>
  );
}

function Cell({ column, row, now, keep }: { column: MissionColumn; row: MissionRow; now: Date; keep: KeptParams }) {
  switch (column) {
    case "sending":
      return (
        <th scope="row" className="px-3 py-2 text-left font-normal">
          <Link href={`/missions/${row.slug}${Object.keys(keep).length ? `?${withKept(new URLSearchParams(), keep)}` : ""}`} className="font-medium underline decoration-slate-300 underline-offset-2 hover:decoration-slate-900">
            <CountryName code={row.sendingCode} name={row.sendingName} />
          </Link>
        </th>
      );
    case "host":
      return <td className="px-3 py-2"><CountryName code={row.hostCode} name={row.hostName} /></td>;
    case "city":
      return <td className="px-3 py-2">{row.city}</td>;
    case "type":
      return <td className="px-3 py-2">{missionTypeLabel(row.type)}</td>;
    case "status":
      return <td className="px-3 py-2"><StatusWithFreshness facts={row} now={now} /></td>;
    case "since":
      return <td className="px-3 py-2 text-sm">{row.statusSince ? <DateTime value={row.statusSince} timeZone={row.timeZone} /> : "—"}</td>;
    case "reason":
      return <td className="max-w-xs px-3 py-2 text-sm">{row.statusReason ?? "—"}</td>;
    case "source":
      return <td className="max-w-[14rem] px-3 py-2 text-sm break-words">{row.sourceUrl || row.sourceTitle ? <SourceLink url={row.sourceUrl} title={row.sourceTitle} /> : "—"}</td>;
    case "verified":
      return <td className="px-3 py-2 text-sm whitespace-nowrap">{row.verifiedAt ? <DateTime value={row.verifiedAt} variant="age" /> : "Never"}</td>;
  }
}

export function MissionTable({
  rows,
  columns,
  filters,
  basePath,
  caption,
  now,
  keep = {},
  id,
}: {
  /** For links to the table (the status map points to it as its text alternative). */
  id?: string;
  keep?: KeptParams;
  rows: MissionRow[];
  columns: MissionColumn[];
  filters: MissionFilters;
  basePath: string;
  caption: string;
  /** The moment the rows' freshness was judged at. */
  now: Date;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table id={id} className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-sm">
          <tr>
            {columns.map((column) => (
              <SortHeader key={column} column={column} filters={filters} basePath={basePath} keep={keep} />
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} data-mission={row.slug} className="align-top">
              {columns.map((column) => (
                <Cell key={column} column={column} row={row} now={now} keep={keep} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="p-4 text-slate-600">No missions match these filters.</p>}
    </div>
  );
}
