import type { Db } from "@/lib/db/create";
import { EXPORT_FORMAT } from "./own-format";

/** Every active mission in the project's own format (re-importable with `npm run import`). */
export async function exportMissions(db: Db) {
  const missions = await db.mission.findMany({
    where: { archivedAt: null },
    orderBy: { id: "asc" },
    select: {
      wikidataId: true,
      sendingCode: true,
      hostCode: true,
      city: true,
      type: true,
      name: true,
      address: true,
      latitude: true,
      longitude: true,
      phone: true,
      email: true,
      website: true,
      timeZone: true,
      status: true,
      statusReason: true,
      sourceUrl: true,
      statusSince: true,
      verifiedAt: true,
      statusUntil: true,
      statusFollows: true,
      expectedAfter: true,
    },
  });
  return { format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), missions };
}
