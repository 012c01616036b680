// Test-only writer for e2e: stores one language's text of a mission's current reason the way
// an editor's save will (lib/i18n/reason-texts.ts), then announces the change.
// Usage: tsx tests/e2e/support/save-reason-text.ts <slug> <language> <text> [original]
import { saveReasonText } from "@/lib/i18n/reason-texts";
import { writeMission } from "./write-mission";

const [slug, language, text, original] = process.argv.slice(2);
writeMission(language && text ? slug : undefined, "save-reason-text <slug> <language> <text> [original]", async (db, mission) => {
  if (!mission.statusReason) throw new Error(`${mission.slug} has no reason`);
  await saveReasonText(db, { missionId: mission.id, original: mission.statusReason, language: language!, text: text!, isOriginal: original === "original", authorName: "E2E editor" });
});
