// The missions a source speaks for: the ones it lists, or a sending country's missions in a
// host country; archived missions never.
import type { Db, Tx } from "@/lib/db/create";
import { z } from "zod";

const MissionIdsSchema = z.array(z.number().int()).catch([]);

export const missionIdsOf = (stored: string): number[] => {
  try {
    return MissionIdsSchema.parse(JSON.parse(stored));
  } catch {
    return [];
  }
};

export async function missionsOfSource(client: Db | Tx, source: { missionIds: string; sendingCode: string | null; hostCode: string | null }) {
  const ids = missionIdsOf(source.missionIds);
  const or = [...(ids.length ? [{ id: { in: ids } }] : []), ...(source.sendingCode && source.hostCode ? [{ sendingCode: source.sendingCode, hostCode: source.hostCode }] : [])];
  if (!or.length) return [];
  return client.mission.findMany({ where: { archivedAt: null, OR: or }, select: { id: true, status: true, timeZone: true }, orderBy: { id: "asc" } });
}
