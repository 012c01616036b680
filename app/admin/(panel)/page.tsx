import type { Metadata } from "next";
import { MissionFilterForm } from "@/components/mission-filter-form";
import { requireUser } from "@/lib/auth/current-user";
import { getAdminMissionRows } from "@/lib/missions/admin-queries";
import { parseMissionFiltersLeniently, type SearchParams } from "@/lib/missions/filters";
import { uniqueSorted } from "@/app/_components/missions-view";
import { AdminMissions } from "./_components/admin-missions";

export const metadata: Metadata = { title: "Missions" };

export default async function AdminMissionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [user, params] = await Promise.all([requireUser(), searchParams]);
  const filters = parseMissionFiltersLeniently(params);
  const all = await getAdminMissionRows();
  const rows = user.hostScope ? all.filter((row) => user.hostScope!.includes(row.hostCode)) : all;
  const inHost = filters.host ? rows.filter((row) => row.hostCode === filters.host) : rows;
  const choices = {
    hosts: uniqueSorted(rows, (row) => row.hostName).map((row) => ({ code: row.hostCode, name: row.hostName })),
    cities: uniqueSorted(inHost, (row) => row.city).map((row) => row.city),
    sending: uniqueSorted(inHost, (row) => row.sendingName).map((row) => ({ code: row.sendingCode, name: row.sendingName })),
  };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Missions</h1>
      {params.denied === "admin" && <p role="alert" className="rounded bg-amber-50 p-2">That page is for admins only.</p>}
      <MissionFilterForm filters={filters} choices={choices} basePath="/admin" />
      <AdminMissions initialRows={JSON.parse(JSON.stringify(rows))} filters={filters} />
    </div>
  );
}
