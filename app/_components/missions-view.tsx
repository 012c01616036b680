import { DataUpdated } from "@/components/data-updated";
import { MissionFilterForm, type FilterChoices } from "@/components/mission-filter-form";
import { MissionTable, type MissionColumn } from "@/components/mission-table";
import { StatusMap } from "@/components/status-map";
import { StatusTotals } from "@/components/status-totals";
import type { MissionFilters } from "@/lib/missions/filters";
import { useI18n } from "@/lib/i18n/request";
import type { ReasonVersions } from "@/lib/i18n/reason-text";
import { statusLabelsIn } from "@/lib/status/wording";
import { filterMissions, type MissionRow } from "@/lib/missions/filter-missions";

const MAX_ROWS_SHOWN = 500;
const MISSIONS_TABLE_ID = "missions-table";

/** Filters, totals and the table for a set of missions; shared by the host, sender and search pages. */
export function MissionsView({
  rows,
  filters,
  basePath,
  columns,
  choices,
  caption,
  now,
  keep,
  map,
  reasons,
}: {
  reasons?: ReadonlyMap<string, ReasonVersions>;
  /** A host's page shows where its missions come from on a map (components/status-map.tsx). */
  map?: { hostCode: string; hostName: string; placeName: string };
  /** Parameters links and the filter form keep (the moment shown). */
  keep?: Record<string, string>;
  now: Date;
  rows: MissionRow[];
  filters: MissionFilters;
  basePath: string;
  columns: MissionColumn[];
  choices: FilterChoices;
  caption: string;
}) {
  const result = filterMissions(rows, filters);
  const shown = result.rows.slice(0, MAX_ROWS_SHOWN);
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="space-y-4">
      <MissionFilterForm filters={filters} choices={choices} basePath={basePath} keep={keep} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <StatusTotals counts={result.totals} label={t("view.totals")} statusLabels={statusLabelsIn(i18n)} />
        <p className="text-sm text-slate-600" role="status">
          {t("view.showing", { shown: shown.length, total: result.rows.length })}
          {shown.length < result.rows.length && t("view.narrow")}
        </p>
      </div>
      <DataUpdated missions={rows} />
      {map && <StatusMap {...map} rows={result.rows} tableId={MISSIONS_TABLE_ID} />}
      <MissionTable id={MISSIONS_TABLE_ID} reasons={reasons} rows={shown} columns={columns} filters={filters} basePath={basePath} caption={caption} now={now} keep={keep} />
    </div>
  );
}

export function uniqueSorted<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()].sort((a, b) => key(a).localeCompare(key(b), "en"));
}
