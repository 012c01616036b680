import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MomentBanner, MomentProblem } from "@/components/moment-banner";
import { momentPageLinks } from "@/lib/history/page-links";
import { readPageMoment } from "@/lib/history/moment";
import { getMissionRowsAsOf } from "@/lib/history/page-reads";
import { filtersToSearchParams, parseMissionFiltersLeniently, type SearchParams } from "@/lib/missions/filters";
import { getMissionRows } from "@/lib/missions/queries";
import { MissionsView } from "../_components/missions-view";

export const metadata: Metadata = { title: "Search missions" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const filters = parseMissionFiltersLeniently(query);
  // Missions of the whole world span zones: moments are shown in UTC here.
  const { moment, keep, problem, redirectQuery } = readPageMoment(query, "UTC");
  if (redirectQuery) redirect(`/search?${redirectQuery.toString()}`);
  const now = moment?.at ?? new Date();
  const rows = moment ? await getMissionRowsAsOf({}, moment) : await getMissionRows({ all: true }, now);
  const links = momentPageLinks("/search", Object.fromEntries(filtersToSearchParams(filters)), moment);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{filters.q ? `Missions matching “${filters.q}”` : "All missions"}</h1>
      {problem && <MomentProblem problem={problem} />}
      {moment && <MomentBanner moment={moment} timeZone="UTC" nowHref={links.nowHref} switchKnownHref={links.switchKnownHref} />}
      <MissionsView
        keep={keep}
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
