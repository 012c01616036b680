import type { Metadata } from "next";
import { MissionFilterForm } from "@/components/mission-filter-form";
import { requireUser } from "@/lib/auth/current-user";
import { ADMIN_PAGE_SIZE } from "@/lib/admin/missions-query";
import { getDb } from "@/lib/db/client";
import { getAdminFilterChoices, getAdminMissionPage } from "@/lib/missions/admin-queries";
import { filtersToSearchParams, parseMissionFiltersLeniently, type SearchParams } from "@/lib/missions/filters";
import { AdminMissions } from "./_components/admin-missions";

export const metadata: Metadata = { title: "Missions" };

export default async function AdminMissionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [user, params] = await Promise.all([requireUser(), searchParams]);
  const filters = parseMissionFiltersLeniently(params);
  const [page, choices] = await Promise.all([
    getAdminMissionPage(getDb(), user, { filters, limit: ADMIN_PAGE_SIZE, after: null, archived: false }),
    getAdminFilterChoices(getDb(), user, filters.host),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Missions</h1>
      {params.denied === "admin" && <p role="alert" className="rounded bg-amber-50 p-2">That page is for admins only.</p>}
      <MissionFilterForm filters={filters} choices={choices} basePath="/admin" />
      {/* Keyed by the filters: other filters start again at the first page. */}
      <AdminMissions key={filtersToSearchParams(filters).toString()} initialPage={JSON.parse(JSON.stringify({ missions: page.rows, totals: page.totals, matching: page.matching, nextCursor: page.nextCursor }))} filters={filters} />
    </div>
  );
}
