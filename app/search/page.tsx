import type { Metadata } from "next";
import { parseMissionFiltersLeniently, type SearchParams } from "@/lib/missions/filters";
import { getLastUpdated, getMissionPage } from "@/lib/missions/queries";
import { AFTER_PARAM, MissionsView } from "../_components/missions-view";

export const metadata: Metadata = { title: "Search missions" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const filters = parseMissionFiltersLeniently(query);
  const after = typeof query[AFTER_PARAM] === "string" ? query[AFTER_PARAM] : undefined;
  const now = new Date();
  const [page, lastUpdated] = await Promise.all([getMissionPage(filters, after, now), getLastUpdated({ all: true })]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{filters.q ? `Missions matching “${filters.q}”` : "All missions"}</h1>
      <MissionsView
        now={now}
        page={page}
        pageNumberHint={after ? "later" : "first"}
        lastUpdated={lastUpdated}
        filters={filters}
        basePath="/search"
        columns={["sending", "host", "city", "type", "status", "since", "source", "verified"]}
        choices={{}}
        caption="Diplomatic missions matching the search, and their status"
      />
    </div>
  );
}
