import crypto from "node:crypto";
import type { Db } from "@/lib/db/create";

let sequence = 0;

export async function createMission(
  db: Db,
  overrides: Partial<{ sendingCode: string; hostCode: string; city: string; type: string; timeZone: string; wikidataId: string; archivedAt: Date }> = {},
) {
  sequence++;
  const data = { sendingCode: "FR", hostCode: "UA", city: "Kyiv", type: "embassy", timeZone: "Europe/Kyiv", ...overrides };
  return db.mission.create({
    data: { ...data, slug: `test-${sequence}-${crypto.randomBytes(3).toString("hex")}` },
  });
}

export const EDITOR = { id: null, name: "Test editor" } as const;
