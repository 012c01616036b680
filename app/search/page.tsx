import type { Metadata } from "next";
import { parseMissionFiltersLeniently, type SearchParams } from "@/lib/missions/filters";
import { getMissionRows } from "@/lib/missions/queries";
import { MissionsView } from "../_components/missions-view";

export const metadata: Metadata = { title: "Search missions" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = parseMissionFiltersLeniently(await searchParams);
  const now = new Date();
  const rows = await getMissionRows({ all: true }, now);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{filters.q ? `Missions matching “${filters.q}”` : "All missions"}</h1>
      <MissionsView
        now={now}
        rows={rows}
        filters={filters}
        basePath="/search"
        columns={["sending", "host", "city", "type", "status", "since", "source", "verified"]}
        choices={{}}
        caption="Diplomatic missions matching the search, and their status"
      />
    </div>
  );
}
