// lang= on the events endpoint and the changes feeds (decision 048): events gain reasonLanguage
// and localReason like the missions API; Atom and JSON Feed entries show the reader's text by the
// pages' rule (a translation, else the original and "(original in …)"), and the language keys the cache.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { cachedHotResponse } from "@/lib/http/hot-paths";
import { getResponseCache } from "@/lib/http/process-cache";
import { LOCALES } from "@/lib/i18n/locales";
import { saveReasonText } from "@/lib/i18n/reason-texts";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { createMission, EDITOR } from "../factories";
import { apiGet, ORIGIN } from "../http";
import { documentedQuery, expectDocumented } from "../openapi-contract";
import { parseStrictXml } from "../xml";

const EN = "Closed after the shelling of the district.";
const EN_IN_UK = "Зачинено після обстрілу району.";
const UK = "Консульство працює лише для екстрених випадків.";

const get = (pathAndQuery: string) => apiGet(getDb(), pathAndQuery);

async function report(missionId: number, reason: string, effectiveAt: Date, eventId: number) {
  const db = getDb();
  const mission = await db.mission.findUniqueOrThrow({ where: { id: missionId } });
  await db.$transaction((tx) =>
    recordStatusChange(tx, { missionId, status: "closed", reason, sourceUrl: null, sourceTitle: null, effectiveAt, recordedAt: effectiveAt, eventId, expectedVersion: mission.version, author: EDITOR }),
  );
}

/** An English reason translated to Ukrainian, and a Ukrainian one nobody translated; both in one event. */
async function seed() {
  const db = getDb();
  const event = await db.event.create({ data: { slug: "district-shelling", name: "District shelling", occurredAt: new Date("2024-11-20T06:00:00Z") } });
  const translated = await createMission(db, { sendingCode: "PL" });
  await report(translated.id, EN, new Date("2024-11-20T07:00:00Z"), event.id);
  await saveReasonText(db, { missionId: translated.id, original: EN, language: "uk", text: EN_IN_UK, authorName: "Editor", at: new Date("2024-11-20T07:30:00Z") });
  const written = await createMission(db, { sendingCode: "SE" });
  await report(written.id, UK, new Date("2024-11-20T08:00:00Z"), event.id);
  await saveReasonText(db, { missionId: written.id, original: UK, language: "uk", text: UK, isOriginal: true, authorName: "Editor", at: new Date("2024-11-20T08:30:00Z") });
  return { translated, written };
}

type Item = { content_text: string; summary?: string; _chancery: Record<string, unknown> };
const itemWith = (items: Item[], text: string) => items.find((item) => item.content_text.includes(text));

/** Atom entries as [summary's xml:lang, summary, content], newest first. */
function atomEntries(xml: string): Array<[string | null, string | null, string]> {
  parseStrictXml(xml);
  return [...xml.matchAll(/<entry>(.*?)<\/entry>/gs)].map(([, entry = ""]) => {
    const summary = /<summary type="text" xml:lang="([^"]+)">([^<]*)<\/summary>/.exec(entry);
    const content = /<content type="text">([^<]*)<\/content>/.exec(entry)?.[1] ?? "";
    return [summary?.[1] ?? null, summary?.[2] ?? null, content];
  });
}

beforeEach(() => getResponseCache().clear());

describe("lang= on the events endpoint", () => {
  it("adds reasonLanguage and localReason to every change of the list and of one event, documented", async () => {
    await seed();
    const list = await get("/api/v1/events?lang=uk");
    expect(list.status).toBe(200);
    expectDocumented("/events", 200, list.json);
    const changes = (list.json.data[0].changes as Array<Record<string, unknown>>).map((change) => [change.reason, change.reasonLanguage, change.localReason]);
    expect(changes).toEqual([
      [UK, "uk", UK],
      [EN, "en", EN_IN_UK],
    ]);

    expect(list.json.data[0].changes[0].mission.sendingCountry).toEqual({ code: "SE", name: "Sweden", localName: "Швеція" });

    const one = await get("/api/v1/events/district-shelling?lang=de&limit=10");
    expect(one.status).toBe(200);
    expectDocumented("/events/{slug}", 200, one.json);
    expect((one.json.changes as Array<Record<string, unknown>>).map((change) => [change.reasonLanguage, change.localReason])).toEqual([
      ["uk", null],
      ["en", null],
    ]);

    // Without lang= no new keys.
    const plain = await get("/api/v1/events/district-shelling");
    expect(plain.json.changes[0]).not.toHaveProperty("localReason");
    expect(plain.json.changes[0].mission.sendingCountry).not.toHaveProperty("localName");
    expect((await get("/api/v1/events")).json.data[0].changes[0]).not.toHaveProperty("reasonLanguage");
  });
});

describe("lang= on the changes feeds", () => {
  it("Atom: the translation as the summary marked xml:lang, else the original and the note in the reader's language", async () => {
    await seed();
    const uk = await get("/api/v1/changes.atom?host=UA&lang=uk");
    expect(uk.status).toBe(200);
    expect(atomEntries(uk.body)).toEqual([
      ["uk", UK, expect.stringContaining(`Reason: ${UK}\n`)],
      ["uk", EN_IN_UK, expect.stringContaining(`Reason: ${EN_IN_UK}\n`)],
    ]);

    const de = atomEntries((await get("/api/v1/changes.atom?host=UA&lang=de")).body);
    expect(de).toEqual([
      ["uk", UK, expect.stringContaining(`Reason: ${UK} (Original auf Ukrainisch)\n`)],
      ["en", EN, expect.stringContaining(`Reason: ${EN} (Original auf Englisch)\n`)],
    ]);

    // Without lang= as before: no summary, the reason as written.
    const plain = atomEntries((await get("/api/v1/changes.atom?host=UA")).body);
    expect(plain.map(([language, summary]) => [language, summary])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(plain[1]?.[2]).toContain(`Reason: ${EN}\n`);
  });

  it("JSON Feed: the same text, summary, and the API's two fields in _chancery", async () => {
    await seed();
    const uk = await get("/api/v1/changes.json?lang=uk");
    expect(uk.status).toBe(200);
    expectDocumented("/changes.json", 200, uk.json, "application/feed+json");
    const translated = itemWith(uk.json.items, EN_IN_UK);
    expect(translated?.summary).toBe(EN_IN_UK);
    expect(translated?._chancery).toMatchObject({ reasonLanguage: "en", localReason: EN_IN_UK, summaryLanguage: "uk" });

    const de = await get("/api/v1/changes.json?lang=de");
    const original = itemWith(de.json.items, `Reason: ${EN} (Original auf Englisch)`);
    expect(original?.summary).toBe(EN);
    expect(original?._chancery).toMatchObject({ reasonLanguage: "en", localReason: null, summaryLanguage: "en" });

    const plain = await get("/api/v1/changes.json");
    expect(plain.json.items[0]).not.toHaveProperty("summary");
    expect(plain.json.items[0]._chancery).not.toHaveProperty("localReason");
  });

  it("at a moment known then, shows only the texts saved by then (decision 043)", async () => {
    const { written } = await seed();
    await saveReasonText(getDb(), { missionId: written.id, original: UK, language: "en", text: "Emergencies only.", authorName: "Editor", at: new Date("2024-11-22T00:00:00Z") });
    const then = atomEntries((await get("/api/v1/changes.atom?host=UA&lang=en&at=2024-11-21T00:00:00Z&known=then")).body);
    expect(then[0]?.slice(0, 2)).toEqual(["uk", UK]);
    expect(then[0]?.[2]).toContain(`Reason: ${UK} (original in Ukrainian)\n`);
    const now = atomEntries((await get("/api/v1/changes.atom?host=UA&lang=en&at=2024-11-21T00:00:00Z")).body);
    expect(now[0]?.slice(0, 2)).toEqual(["en", "Emergencies only."]);
  });

  it("loads every entry's texts in one query", async () => {
    await seed();
    const db = getDb();
    const findMany = vi.spyOn(db.reasonText, "findMany");
    try {
      expect((await get("/api/v1/changes.atom?lang=de")).status).toBe(200);
      expect(findMany).toHaveBeenCalledTimes(1);
      findMany.mockClear();
      expect((await get("/api/v1/events?lang=uk")).status).toBe(200);
      expect(findMany).toHaveBeenCalledTimes(1);
    } finally {
      findMany.mockRestore();
    }
  });

  it("keys the response cache and the ETag by lang=", async () => {
    await seed();
    const entry = async (query: string) => (await cachedHotResponse(() => getDb(), "chancery.test", new URL(`/api/v1/changes.atom${query}`, ORIGIN))).response;
    const [uk, de, plain] = [await entry("?lang=uk"), await entry("?lang=de"), await entry("")];
    expect(uk.body).toContain(EN_IN_UK);
    expect(de.body).not.toContain(EN_IN_UK);
    expect(new Set([uk.headers.ETag, de.headers.ETag, plain.headers.ETag]).size).toBe(3);
    // Cached: the same language again is the same answer, other parameters' order aside.
    expect((await entry("?host=UA&lang=uk")).headers.ETag).toBe((await entry("?lang=uk&host=UA")).headers.ETag);
    expect((await entry("?lang=uk")).body).toBe(uk.body);
  });

  it("refuses an unknown language with 400 naming lang, on each, and documents lang= with the interface's languages", async () => {
    await seed();
    for (const path of ["/api/v1/changes.atom?lang=xx", "/api/v1/changes.json?lang=Ukrainian", "/api/v1/events?lang=fr", "/api/v1/events/district-shelling?lang=", "/api/v1/changes.atom?lang=uk&at=2024-11-21T00:00:00Z&known=then&lang=zz"]) {
      const refused = await get(path);
      expect(refused.status, path).toBe(400);
      expect(refused.json.error.fields.map((field: { field: string }) => field.field), path).toEqual(["lang"]);
    }
    expect((await get("/api/v1/events?language=uk")).json.error.fields[0].field).toBe("language");
    for (const path of ["/events", "/events/{slug}", "/changes.atom", "/changes.json"]) expect(documentedQuery(path).get("lang")?.enum, path).toEqual([...LOCALES]);
  });
});
