import { filtersToSearchParams, type MissionFilters, type MissionSort } from "@/lib/missions/filters";
import type { MissionRow } from "@/lib/missions/filter-missions";
import { useI18n, type RequestI18n } from "@/lib/i18n/request";
import type { ReasonVersions } from "@/lib/i18n/reason-text";
import { missionRowsHtml, type MissionColumn } from "./mission-rows-html";

// Plain <a>, not next/link: the lite edition drops the runtime a Link would navigate with
// (decisions 024, 035). The rows are one HTML string (./mission-rows-html.ts, decision 054);
// cells take their padding and the row header its look from `.missions` in app/globals.css.

export type { MissionColumn };

const SORTS: Record<MissionColumn, MissionSort | undefined> = {
  sending: "sending",
  host: "host",
  city: "city",
  type: "type",
  status: "status",
  since: "since",
  reason: undefined,
  source: undefined,
  verified: "verified",
};

/** Parameters every link keeps besides the filters (the moment shown, lib/history/moment.ts). */
export type KeptParams = Record<string, string>;

const withKept = (query: URLSearchParams, keep: KeptParams) => {
  for (const [name, value] of Object.entries(keep)) query.set(name, value);
  return query.toString();
};

function SortHeader({ column, filters, basePath, keep, i18n }: { column: MissionColumn; filters: MissionFilters; basePath: string; keep: KeptParams; i18n: RequestI18n }) {
  const { t } = i18n;
  const label = t(`table.${column}`);
  const sort = SORTS[column];
  if (!sort) return <th scope="col" className="text-start font-semibold">{label}</th>;
  const active = filters.sort === sort;
  const nextDir = active && filters.dir === "asc" ? "desc" : "asc";
  const query = withKept(filtersToSearchParams({ ...filters, sort, dir: nextDir }), keep);
  return (
    <th
      scope="col"
      className="text-start font-semibold"
      aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <a href={i18n.href(`${basePath}${query ? `?${query}` : ""}`)} className="inline-flex items-center gap-1 hover:underline">
        {label}
        <span aria-hidden="true" className="text-xs text-slate-500">
          {active ? (filters.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">{active ? t(filters.dir === "asc" ? "table.sortedAscending" : "table.sortedDescending") : t("table.activateToSort")}</span>
      </a>
    </th>
  );
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
  reasons,
}: {
  /** The reasons' languages and translations (lib/i18n/reason-queries.ts); none: all English. */
  reasons?: ReadonlyMap<string, ReasonVersions>;
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
  const i18n = useI18n();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table id={id} className="missions w-full border-collapse text-start">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-sm">
          <tr>
            {columns.map((column) => (
              <SortHeader key={column} column={column} filters={filters} basePath={basePath} keep={keep} i18n={i18n} />
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100" dangerouslySetInnerHTML={{ __html: missionRowsHtml(rows, { columns, now, keptQuery: withKept(new URLSearchParams(), keep), i18n, reasons }) }} />
      </table>
      {rows.length === 0 && <p className="p-4 text-slate-600">{i18n.t("table.empty")}</p>}
    </div>
  );
}
