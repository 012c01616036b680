// The frame of the e2e support writers: from a separate process against the e2e database, look
// the mission up by slug, write as an editor would, then announce the change so the server's
// caches drop it. Exits 1 with the error on failure.
import { createDb, type Db } from "@/lib/db/create";
import { announceDataChange } from "@/lib/events/data-changed";
import { parseEnv } from "@/lib/env";

type Mission = Awaited<ReturnType<Db["mission"]["findUniqueOrThrow"]>>;

export function writeMission(slug: string | undefined, usage: string, write: (db: Db, mission: Mission) => Promise<unknown>): void {
  const run = async () => {
    if (!slug) throw new Error(`usage: ${usage}`);
    const db = createDb(parseEnv().DATABASE_URL);
    try {
      const mission = await db.mission.findUniqueOrThrow({ where: { slug } });
      await write(db, mission);
      await announceDataChange({ missionIds: [mission.id], hostCodes: [mission.hostCode], sendingCodes: [mission.sendingCode] });
    } finally {
      await db.$disconnect();
    }
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
