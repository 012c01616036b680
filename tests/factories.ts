import crypto from "node:crypto";
import type { Db } from "@/lib/db/create";
import { refreshFoldedColumns } from "@/lib/missions/folded-columns";

let sequence = 0;

export async function createMission(
  db: Db,
  overrides: Partial<{ sendingCode: string; hostCode: string; city: string; type: string; timeZone: string; wikidataId: string; archivedAt: Date }> = {},
) {
  sequence++;
  const data = { sendingCode: "FR", hostCode: "UA", city: "Kyiv", type: "embassy", timeZone: "Europe/Kyiv", ...overrides };
  const mission = await db.mission.create({
    data: { ...data, slug: `test-${sequence}-${crypto.randomBytes(3).toString("hex")}` },
  });
  await refreshFoldedColumns(db, { id: mission.id });
  return mission;
}

export const EDITOR = { id: null, name: "Test editor" } as const;

/** Five missions' places: two senders tie on a city, two cities on a type (the as-of page and row tests). */
export const AS_OF_PLACES = [
  { sendingCode: "FR", city: "Kyiv", type: "embassy" },
  { sendingCode: "DE", city: "Kyiv", type: "consulate" },
  { sendingCode: "PL", city: "Lviv", type: "consulate" },
  { sendingCode: "AT", city: "Lviv", type: "embassy" },
  { sendingCode: "FR", city: "Odesa", type: "consulate" },
] as const;
