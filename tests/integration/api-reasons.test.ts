// lang= on the missions list, one mission, its history and the CSV (decision 042): each reason
// gains the language it was written in and its text in the asked language, keys stay English.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getResponseCache } from "@/lib/http/process-cache";
import { saveReasonText } from "@/lib/i18n/reason-texts";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { createMission, EDITOR } from "../factories";
import { apiGet } from "../http";
import { expectDocumented } from "../openapi-contract";

const UK = "Посольство тимчасово зачинене через загрозу повітряної атаки.";
const UK_IN_EN = "Temporarily closed because of the threat of an air attack.";
const EN = "Open again after the warning.";
const EN_IN_UK = "Знову відчинено після попередження.";

const get = (pathAndQuery: string) => apiGet(getDb(), pathAndQuery);

async function report(missionId: number, reason: string, effectiveAt: Date) {
  const db = getDb();
  const mission = await db.mission.findUniqueOrThrow({ where: { id: missionId } });
  await db.$transaction((tx) =>
    recordStatusChange(tx, { missionId, status: "closed", reason, sourceUrl: null, sourceTitle: null, effectiveAt, expectedVersion: mission.version, author: EDITOR }),
  );
}

/** One mission whose reason was written in Ukrainian (translated to English), then one in English (translated to Ukrainian); another untranslated. */
async function seed() {
  const db = getDb();
  const written = await createMission(db, { sendingCode: "PL" });
  await report(written.id, UK, new Date("2024-11-20T07:00:00Z"));
  await saveReasonText(db, { missionId: written.id, original: UK, language: "uk", text: UK, isOriginal: true, authorName: "Editor" });
  await saveReasonText(db, { missionId: written.id, original: UK, language: "en", text: UK_IN_EN, authorName: "Editor" });
  await report(written.id, EN, new Date("2024-11-21T07:00:00Z"));
  await saveReasonText(db, { missionId: written.id, original: EN, language: "uk", text: EN_IN_UK, authorName: "Editor" });
  const plain = await createMission(db, { sendingCode: "SE" });
  await report(plain.id, "Closed for the day.", new Date("2024-11-20T07:00:00Z"));
  return { written, plain };
}

beforeEach(() => getResponseCache().clear());

describe("lang= and reasons in the API", () => {
  it("adds reasonLanguage and localReason to the list, the mission and each history entry, documented", async () => {
    const { written, plain } = await seed();

    const list = await get("/api/v1/missions?host=UA&lang=uk");
    expect(list.status).toBe(200);
    expectDocumented("/missions", 200, list.json);
    const bySlug = new Map((list.json.data as Array<Record<string, unknown>>).map((row) => [row.slug, row]));
    expect(bySlug.get(written.slug)).toMatchObject({ statusReason: EN, reasonLanguage: "en", localReason: EN_IN_UK });
    expect(bySlug.get(plain.slug)).toMatchObject({ statusReason: "Closed for the day.", reasonLanguage: "en", localReason: null });

    // Without lang= the shape is as before: no new keys.
    const english = await get("/api/v1/missions?host=UA");
    expect(english.json.data[0]).not.toHaveProperty("reasonLanguage");
    expect(english.json.data[0]).not.toHaveProperty("localReason");

    const detail = await get(`/api/v1/missions/${written.slug}?lang=en`);
    expect(detail.status).toBe(200);
    expectDocumented("/missions/{slug}", 200, detail.json);
    expect(detail.json).toMatchObject({ statusReason: EN, reasonLanguage: "en", localReason: EN, sendingCountry: { code: "PL", name: "Poland", localName: "Poland" } });

    const history = await get(`/api/v1/missions/${written.slug}/history?lang=uk&limit=10`);
    expect(history.status).toBe(200);
    expectDocumented("/missions/{slug}/history", 200, history.json);
    expect(history.json.mission).toMatchObject({ reasonLanguage: "en", localReason: EN_IN_UK });
    expect(history.json.history.map((entry: Record<string, unknown>) => [entry.reason, entry.reasonLanguage, entry.localReason])).toEqual([
      [EN, "en", EN_IN_UK],
      [UK, "uk", UK],
    ]);
    // At a moment: the reason then, in the asked language.
    const then = await get(`/api/v1/missions/${written.slug}/history?lang=en&at=2024-11-20T12:00:00Z`);
    expect(then.status).toBe(200);
    expectDocumented("/missions/{slug}/history", 200, then.json);
    expect(then.json.mission).toMatchObject({ statusReason: UK, reasonLanguage: "uk", localReason: UK_IN_EN });
    expect(then.json.history.map((entry: Record<string, unknown>) => entry.localReason)).toEqual([UK_IN_EN]);
    const missionThen = await get(`/api/v1/missions/${written.slug}?lang=uk&at=2024-11-20T12:00:00Z`);
    expect(missionThen.json).toMatchObject({ statusReason: UK, reasonLanguage: "uk", localReason: UK });

    const inGerman = await get(`/api/v1/missions/${written.slug}/history?lang=de`);
    expect(inGerman.json.history.map((entry: Record<string, unknown>) => entry.localReason)).toEqual([null, null]);
  });

  it("adds them to one mission's upcoming changes", async () => {
    const db = getDb();
    const { written } = await seed();
    await db.scheduledChange.create({
      data: { missionId: written.id, status: "closed", reason: UK, sourceUrl: "https://example.org/notice", effectiveAt: new Date("2099-12-24T00:00:00Z"), follows: "previous", createdBy: "Editor" },
    });
    const detail = await get(`/api/v1/missions/${written.slug}?lang=en`);
    expectDocumented("/missions/{slug}", 200, detail.json);
    expect(detail.json.upcoming).toMatchObject([{ reason: UK, reasonLanguage: "uk", localReason: UK_IN_EN }]);
    expect((await get(`/api/v1/missions/${written.slug}`)).json.upcoming[0]).not.toHaveProperty("localReason");
  });

  it("adds the columns to the CSV only with lang=", async () => {
    const { written } = await seed();
    const csv = await get("/api/v1/missions.csv?host=UA&sending=PL&lang=uk");
    expect(csv.status).toBe(200);
    const [head, row] = csv.body.trim().split("\r\n");
    expect(head?.split(",").slice(-4)).toEqual(["reason_language", "local_reason", "sending_local_name", "host_local_name"]);
    expect(row).toContain(written.slug);
    expect(row?.endsWith(`,en,${EN_IN_UK},Польща,Україна`)).toBe(true);
    const plain = await get("/api/v1/missions.csv?host=UA&sending=PL");
    expect(plain.body.split("\r\n")[0]).not.toContain("reason_language");
  });

  it("refuses an unknown language with 400 naming the field, on every endpoint", async () => {
    const { written } = await seed();
    for (const path of ["/api/v1/missions?lang=xx", "/api/v1/missions.csv?lang=fr", `/api/v1/missions/${written.slug}?lang=Ukrainian`, `/api/v1/missions/${written.slug}/history?lang=`]) {
      const refused = await get(path);
      expect(refused.status, path).toBe(400);
      expect(refused.json.error.fields.map((field: { field: string }) => field.field), path).toEqual(["lang"]);
    }
    // Still no other parameter on one mission.
    const other = await get(`/api/v1/missions/${written.slug}?language=uk`);
    expect(other.status).toBe(400);
    expect(other.json.error.fields[0].field).toBe("language");
  });
});
