// Export and import carry a reason's language and translations (decision 043): `reasonLanguage`
// and `reason.<lang>` keys beside statusReason, stored only where the mission's reason is that text.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { applyImport } from "@/lib/import/apply";
import { exportMissions } from "@/lib/import/export";
import { planImport } from "@/lib/import/plan";
import { readImportFile } from "@/lib/import/read-upload";
import { reasonKey } from "@/lib/i18n/reason-key";
import { loadReasonVersions, saveReasonText } from "@/lib/i18n/reason-texts";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { createMission, EDITOR } from "../factories";

const ACTOR = { id: null, name: "test import" };
const UK = "Посольство тимчасово зачинене.";
const UK_IN_EN = "The embassy is closed for now.";
const UK_IN_DE = "Die Botschaft ist vorerst geschlossen.";

function parsed(value: unknown) {
  const result = readImportFile(Buffer.from(JSON.stringify(value)));
  if (!result.ok) throw new Error(result.error);
  return result;
}

async function report(missionId: number, reason: string) {
  const db = getDb();
  const mission = await db.mission.findUniqueOrThrow({ where: { id: missionId } });
  await db.$transaction((tx) => recordStatusChange(tx, { missionId, status: "closed", reason, sourceUrl: null, sourceTitle: null, effectiveAt: new Date("2024-11-20T07:00:00Z"), expectedVersion: mission.version, author: EDITOR }));
}

describe("reason texts through export and import", () => {
  it("exports the current reason's language and translations and imports them back the same", async () => {
    const db = getDb();
    const ua = await createMission(db, { sendingCode: "PL" });
    const plain = await createMission(db, { sendingCode: "SE" });
    const silent = await createMission(db, { sendingCode: "NO" });
    await report(ua.id, UK);
    await report(plain.id, "Closed today.");
    await saveReasonText(db, { missionId: ua.id, original: UK, language: "uk", text: UK, isOriginal: true, authorName: "Editor" });
    await saveReasonText(db, { missionId: ua.id, original: UK, language: "en", text: UK_IN_EN, authorName: "Editor" });
    await saveReasonText(db, { missionId: ua.id, original: UK, language: "de", text: UK_IN_DE, authorName: "Editor" });

    const exported = await exportMissions(db);
    const byCode = new Map(exported.missions.map((mission) => [mission.sendingCode, mission as Record<string, unknown>]));
    expect(byCode.get("PL")).toMatchObject({ statusReason: UK, reasonLanguage: "uk", "reason.en": UK_IN_EN, "reason.de": UK_IN_DE });
    expect(byCode.get("PL")).not.toHaveProperty("reasonTexts");
    expect(byCode.get("SE")).toMatchObject({ statusReason: "Closed today.", reasonLanguage: "en" });
    expect(Object.keys(byCode.get("SE")!).filter((key) => key.startsWith("reason."))).toEqual([]);
    expect(byCode.get("NO")).toMatchObject({ statusReason: null, reasonLanguage: null });
    const before = await loadReasonVersions(db, [ua, plain, silent].map((mission) => ({ missionId: mission.id, reason: mission.id === ua.id ? UK : mission.id === plain.id ? "Closed today." : null })));

    // Re-importing the export changes nothing, and writes no text.
    const again = await applyImport(db, ACTOR, parsed(exported));
    expect(again.plan.summary).toMatchObject({ update: 0, reject: 0 });
    expect(again.reasonTexts).toEqual({ saved: 0, skipped: 0 });
    expect(await db.reasonText.count()).toBe(3);

    // The texts lost, then imported from the file: the same versions as before.
    await db.reasonText.deleteMany();
    const restored = await applyImport(db, ACTOR, parsed(exported));
    expect(restored.reasonTexts).toEqual({ saved: 3, skipped: 0 });
    const after = await loadReasonVersions(db, [ua, plain, silent].map((mission) => ({ missionId: mission.id, reason: mission.id === ua.id ? UK : mission.id === plain.id ? "Closed today." : null })));
    expect([...after]).toEqual([...before]);
    expect(after.get(reasonKey(ua.id, UK))).toEqual({ original: UK, language: "uk", translations: { de: UK_IN_DE, en: UK_IN_EN } });
    // The English original needs no row.
    expect(await db.reasonText.count({ where: { missionId: plain.id } })).toBe(0);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "import" }, orderBy: { id: "desc" } });
    expect(JSON.stringify(audit)).toContain("reasonTexts");
  });

  it("stores no text for a mission whose reason is another, and rejects a bad key naming it", async () => {
    const db = getDb();
    const mission = await createMission(db, { sendingCode: "PL" });
    await report(mission.id, "Another reason now.");
    const exported = await exportMissions(db);
    const row = { ...exported.missions[0], statusReason: UK, reasonLanguage: "uk", "reason.en": UK_IN_EN };
    const result = await applyImport(db, ACTOR, parsed({ ...exported, missions: [row] }));
    expect(result.reasonTexts).toEqual({ saved: 0, skipped: 1 });
    expect(await db.reasonText.count()).toBe(0);

    const bad = [
      { ...row, "reason.Ukrainian": "x" },
      { ...row, "reason.de": "" },
      { ...row, reasonLanguage: "Ukrainian" },
      { ...row, statusReason: null },
    ];
    const plan = await planImport(db, parsed({ ...exported, missions: bad }));
    expect(plan.rows.map((planned) => (planned.action === "reject" ? planned.reason : planned.action))).toEqual([
      expect.stringMatching(/^reason\.Ukrainian: must be a language code/),
      "reason.de: is required",
      expect.stringMatching(/^reasonLanguage: must be a language code/),
      "statusReason: is required with reasonLanguage or reason.<language>",
    ]);
  });
});
