import { DataUpdated } from "@/components/data-updated";
import { MissionFilterForm, type FilterChoices } from "@/components/mission-filter-form";
import { MissionTable, type MissionColumn } from "@/components/mission-table";
import { StatusMap } from "@/components/status-map";
import { StatusTotals } from "@/components/status-totals";
import { filtersToSearchParams, type MissionFilters } from "@/lib/missions/filters";
import type { MissionPage } from "@/lib/missions/list-query";
import type { MapRow } from "@/lib/map/map-status";
import { useI18n } from "@/lib/i18n/request";
import type { ReasonVersions } from "@/lib/i18n/reason-text";
import { statusLabelsIn } from "@/lib/status/wording";

/** The page-through parameter of the public tables: the cursor of the previous page's last row. */
export const AFTER_PARAM = "after";
const MISSIONS_TABLE_ID = "missions-table";

function pageHref(basePath: string, filters: MissionFilters, keep: Record<string, string>, after: string | null): string {
  const query = filtersToSearchParams(filters);
  for (const [name, value] of Object.entries(keep)) query.set(name, value);
  if (after) query.set(AFTER_PARAM, after);
  const text = query.toString();
  return `${basePath}${text ? `?${text}` : ""}`;
}

/** Filters, totals, one page of the table and links through the pages; shared by the host, sender and search pages. */
export function MissionsView({
  page,
  pageNumberHint,
  lastUpdated,
  filters,
  basePath,
  columns,
  choices,
  caption,
  now,
  keep = {},
  map,
  reasons,
}: {
  reasons?: ReadonlyMap<string, ReasonVersions>;
  /** A host's page shows where its missions come from on a map (components/status-map.tsx). */
  map?: { hostCode: string; hostName: string; placeName: string; rows: readonly MapRow[] };
  /** Parameters links and the filter form keep (the moment shown). */
  keep?: Record<string, string>;
  now: Date;
  page: MissionPage;
  /** Whether this page came after another (an `after` cursor was followed). */
  pageNumberHint: "first" | "later";
  /** The newest status change or confirmation in the page's whole scope. */
  lastUpdated: { statusSince: Date | null; verifiedAt: Date | null };
  filters: MissionFilters;
  basePath: string;
  columns: MissionColumn[];
  choices: FilterChoices;
  caption: string;
}) {
  const { rows, totals, matching, nextCursor } = page;
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="space-y-4">
      <MissionFilterForm filters={filters} choices={choices} basePath={basePath} keep={keep} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <StatusTotals counts={totals} label={t("view.totals")} statusLabels={statusLabelsIn(i18n)} />
        <p className="text-sm text-slate-600" role="status">
          {t("view.showing", { shown: rows.length, total: matching })}
          {pageNumberHint === "later" && t("view.laterPage")}
        </p>
      </div>
      <DataUpdated missions={[lastUpdated]} />
      {map && <StatusMap {...map} tableId={MISSIONS_TABLE_ID} />}
      <MissionTable id={MISSIONS_TABLE_ID} reasons={reasons} rows={rows} columns={columns} filters={filters} basePath={basePath} caption={caption} now={now} keep={keep} />
      {(nextCursor || pageNumberHint === "later") && (
        <nav aria-label={t("view.pages")} className="flex gap-4 text-sm">
          {pageNumberHint === "later" && (
            <a href={i18n.href(pageHref(basePath, filters, keep, null))} className="underline">
              {t("view.firstPage")}
            </a>
          )}
          {nextCursor && (
            <a href={i18n.href(pageHref(basePath, filters, keep, nextCursor))} rel="next" className="underline">
              {t("view.nextPage", { count: rows.length })}
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
