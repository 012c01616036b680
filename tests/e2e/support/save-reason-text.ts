// Test-only writer for e2e: stores one language's text of a mission's current reason the way
// an editor's save will (lib/i18n/reason-texts.ts), then announces the change.
// Usage: tsx tests/e2e/support/save-reason-text.ts <slug> <language> <text> [original]
import { createDb } from "@/lib/db/create";
import { announceDataChange } from "@/lib/events/data-changed";
import { parseEnv } from "@/lib/env";
import { saveReasonText } from "@/lib/i18n/reason-texts";

async function main() {
  const [slug, language, text, original] = process.argv.slice(2);
  if (!slug || !language || !text) throw new Error("usage: save-reason-text <slug> <language> <text> [original]");
  const db = createDb(parseEnv().DATABASE_URL);
  try {
    const mission = await db.mission.findUniqueOrThrow({ where: { slug } });
    if (!mission.statusReason) throw new Error(`${slug} has no reason`);
    await saveReasonText(db, { missionId: mission.id, original: mission.statusReason, language, text, isOriginal: original === "original", authorName: "E2E editor" });
    await announceDataChange({ missionIds: [mission.id], hostCodes: [mission.hostCode], sendingCodes: [mission.sendingCode] });
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
