// Test-only writer for e2e: records a status the way the editor does (recordStatusChange in a
// transaction, then announceDataChange), from a separate process against the e2e database.
// Usage: tsx tests/e2e/support/record-status.ts <slug> <open|limited|closed> <reason> [sourceUrl]
import { recordStatusChange } from "@/lib/missions/status-commands";
import { StatusSchema } from "@/lib/status/schema";
import { writeMission } from "./write-mission";

const [slug, statusText, reason, sourceUrl] = process.argv.slice(2);
writeMission(statusText && reason !== undefined ? slug : undefined, "record-status <slug> <status> <reason> [sourceUrl]", async (db, mission) => {
  const status = StatusSchema.parse(statusText);
  await db.$transaction((tx) =>
    recordStatusChange(tx, {
      missionId: mission.id,
      status,
      reason: reason!,
      sourceUrl: sourceUrl ?? null,
      sourceTitle: null,
      effectiveAt: new Date(),
      expectedVersion: mission.version,
      author: { id: null, name: "E2E editor" },
    }),
  );
});
