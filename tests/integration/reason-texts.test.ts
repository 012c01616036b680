import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { reasonKey } from "@/lib/i18n/reason-key";
import { reasonFor } from "@/lib/i18n/reason-text";
import { loadReasonVersions, saveReasonText } from "@/lib/i18n/reason-texts";
import { createMission } from "../factories";

const original = "Посольство тимчасово зачинене через загрозу повітряної атаки.";

describe("reasons in more than one language", () => {
  it("keeps the original and its language, adds and replaces translations, per mission and reason", async () => {
    const db = getDb();
    const kyiv = await createMission(db);
    const other = await createMission(db);
    await saveReasonText(db, { missionId: kyiv.id, original, language: "uk", text: original, isOriginal: true, authorName: "Editor" });
    await saveReasonText(db, { missionId: kyiv.id, original, language: "en", text: "Closed for now", authorName: "Editor" });
    await saveReasonText(db, { missionId: kyiv.id, original, language: "en", text: "Temporarily closed because of the threat of an air attack.", authorName: "Editor" });

    const found = await loadReasonVersions(db, [
      { missionId: kyiv.id, reason: original },
      { missionId: other.id, reason: original },
      { missionId: kyiv.id, reason: "Another reason" },
      { missionId: kyiv.id, reason: null },
    ]);
    const versions = found.get(reasonKey(kyiv.id, original))!;
    expect(versions).toEqual({ original, language: "uk", translations: { en: "Temporarily closed because of the threat of an air attack." } });
    // Another mission with the same words, or another reason, has no translations of its own.
    expect(found.get(reasonKey(other.id, original))).toEqual({ original, language: "en", translations: {} });
    expect(found.get(reasonKey(kyiv.id, "Another reason"))?.translations).toEqual({});

    expect(reasonFor(versions, "en").text).toBe("Temporarily closed because of the threat of an air attack.");
    expect(reasonFor(versions, "uk")).toEqual({ text: original, language: "uk", note: null });
    expect(reasonFor(versions, "de")).toEqual({ text: original, language: "uk", note: "(Original auf Ukrainisch)" });
    expect(await db.reasonText.count()).toBe(2);
  });

  it("refuses a bad language code or empty text, naming the field", async () => {
    const db = getDb();
    const mission = await createMission(db);
    await expect(saveReasonText(db, { missionId: mission.id, original, language: "Ukrainian", text: "x", authorName: "Editor" })).rejects.toThrow(/language/);
    await expect(saveReasonText(db, { missionId: mission.id, original, language: "de", text: "", authorName: "Editor" })).rejects.toThrow(/text/);
    expect(await db.reasonText.count()).toBe(0);
  });
});
