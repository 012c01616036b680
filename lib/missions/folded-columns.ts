// Keeps the folded columns (lib/missions/search-text.ts) true: every write that changes what
// they fold (a mission's names, place or type, its status reason, an import) calls
// refreshFoldedColumns in its transaction. `npm run db:setup` backfills rows a migration left
// empty (an empty searchText marks them: a real one always holds the sending country's name).
import type { Db, Tx } from "@/lib/db/create";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { missionSearchText, missionSortKeys } from "./search-text";

const namesSelect = {
  id: true,
  sendingCode: true,
  hostCode: true,
  city: true,
  type: true,
  statusReason: true,
  searchText: true,
  updatedAt: true,
  sendingKey: true,
  hostKey: true,
  cityKey: true,
  sending: { select: { name: true } },
  host: { select: { name: true } },
} as const;

const BATCH = 1000;

/** Recomputes the folded columns of the missions matching `where`; returns how many changed. */
export async function refreshFoldedColumns(client: Db | Tx, where: Prisma.MissionWhereInput): Promise<number> {
  let changed = 0;
  let afterId = 0;
  for (;;) {
    const missions = await client.mission.findMany({ where: { AND: [where, { id: { gt: afterId } }] }, select: namesSelect, orderBy: { id: "asc" }, take: BATCH });
    for (const mission of missions) {
      const names = { sendingName: mission.sending.name, sendingCode: mission.sendingCode, hostCode: mission.hostCode, hostName: mission.host.name, city: mission.city, type: mission.type, reason: mission.statusReason };
      const columns = { searchText: missionSearchText(names), ...missionSortKeys(names) };
      if (columns.searchText === mission.searchText && columns.sendingKey === mission.sendingKey && columns.hostKey === mission.hostKey && columns.cityKey === mission.cityKey) continue;
      // updatedAt stays: derived columns are not a change API clients should fetch again.
      await client.mission.update({ where: { id: mission.id }, data: { ...columns, updatedAt: mission.updatedAt } });
      changed++;
    }
    const last = missions.at(-1);
    if (!last || missions.length < BATCH) return changed;
    afterId = last.id;
  }
}

/** Fills the rows no write has folded yet (after a migration); idempotent. */
export function backfillFoldedColumns(db: Db): Promise<number> {
  return refreshFoldedColumns(db, { searchText: "" });
}
