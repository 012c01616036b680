// Test-only writer for e2e: records a status the way the editor does (recordStatusChange in a
// transaction, then announceDataChange), from a separate process against the e2e database.
// Usage: tsx tests/e2e/support/record-status.ts <slug> <open|limited|closed> <reason> [sourceUrl]
import { createDb } from "@/lib/db/create";
import { announceDataChange } from "@/lib/events/data-changed";
import { parseEnv } from "@/lib/env";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { StatusSchema } from "@/lib/status/schema";

async function main() {
  const [slug, statusText, reason, sourceUrl] = process.argv.slice(2);
  if (!slug || !statusText || reason === undefined) throw new Error("usage: record-status <slug> <status> <reason> [sourceUrl]");
  const status = StatusSchema.parse(statusText);
  const db = createDb(parseEnv().DATABASE_URL);
  try {
    const mission = await db.mission.findUniqueOrThrow({ where: { slug } });
    await db.$transaction((tx) =>
      recordStatusChange(tx, {
        missionId: mission.id,
        status,
        reason,
        sourceUrl: sourceUrl ?? null,
        sourceTitle: null,
        effectiveAt: new Date(),
        expectedVersion: mission.version,
        author: { id: null, name: "E2E editor" },
      }),
    );
    await announceDataChange({ missionIds: [mission.id], hostCodes: [mission.hostCode], sendingCodes: [mission.sendingCode] });
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
