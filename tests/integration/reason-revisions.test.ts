// Every saved text of a reason is kept (decision 043): a view as known at T shows the texts
// saved by T, each as it read then; as known now, today's.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { produceApiResponse } from "@/lib/api/handlers";
import { getDb } from "@/lib/db/client";
import { getResponseCache } from "@/lib/http/process-cache";
import { reasonKey } from "@/lib/i18n/reason-key";
import { loadReasonVersions, saveReasonText } from "@/lib/i18n/reason-texts";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { createMission, EDITOR } from "../factories";

const ORIGINAL = "Closed until further notice.";
const START = Date.parse("2024-11-20T08:00:00Z");
const minute = (n: number) => new Date(START + n * 60_000);

async function report(missionId: number, reason: string, effectiveAt: Date) {
  const db = getDb();
  const mission = await db.mission.findUniqueOrThrow({ where: { id: missionId } });
  await db.$transaction((tx) => recordStatusChange(tx, { missionId, status: "closed", reason, sourceUrl: null, sourceTitle: null, effectiveAt, recordedAt: effectiveAt, expectedVersion: mission.version, author: EDITOR }));
}

beforeEach(() => getResponseCache().clear());

describe("revisions of reason texts", () => {
  it("as of any moment, equals a replay of the saves made by then", async () => {
    const db = getDb();
    const save = fc.record({ minute: fc.integer({ min: 0, max: 30 }), language: fc.constantFrom("uk", "de", "en", "fr"), text: fc.constantFrom("a", "b", "c"), isOriginal: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(save, { maxLength: 8 }), fc.array(fc.integer({ min: -1, max: 31 }), { minLength: 1, maxLength: 4 }), async (saves, moments) => {
        const mission = await createMission(db);
        // Saves happen in time order (the clock only moves on); ties keep their order.
        const ordered = [...saves].sort((a, b) => a.minute - b.minute);
        for (const entry of ordered) {
          await saveReasonText(db, { missionId: mission.id, original: ORIGINAL, language: entry.language, text: `${entry.text}-${entry.language}`, isOriginal: entry.isOriginal, authorName: "Editor", at: minute(entry.minute) });
        }
        for (const at of moments) {
          const byThen = new Map<string, { text: string; isOriginal: boolean }>();
          for (const entry of ordered.filter((candidate) => candidate.minute <= at)) {
            byThen.set(entry.language, { text: entry.isOriginal ? ORIGINAL : `${entry.text}-${entry.language}`, isOriginal: entry.isOriginal });
          }
          const found = (await loadReasonVersions(db, [{ missionId: mission.id, reason: ORIGINAL }], minute(at))).get(reasonKey(mission.id, ORIGINAL));
          const texts = [...byThen];
          expect(found?.translations).toEqual(Object.fromEntries(texts.filter(([, value]) => !value.isOriginal).map(([language, value]) => [language, value.text])));
          const originals = texts.filter(([, value]) => value.isOriginal).map(([language]) => language);
          expect(originals.length ? originals : ["en"]).toContain(found?.language);
        }
        // As known now: the stored rows, the last save of each language.
        const today = (await loadReasonVersions(db, [{ missionId: mission.id, reason: ORIGINAL }])).get(reasonKey(mission.id, ORIGINAL));
        const lastOf = new Map(ordered.map((entry) => [entry.language, entry]));
        expect(today?.translations).toEqual(Object.fromEntries([...lastOf].filter(([, entry]) => !entry.isOriginal).map(([language, entry]) => [language, `${entry.text}-${language}`])));
        expect(await db.reasonTextRevision.count({ where: { missionId: mission.id } })).toBe(saves.length);
      }),
      { numRuns: 25 },
    );
  });

  it("the API at a moment as known then gives the translation of then; as known now, today's", async () => {
    const db = getDb();
    const mission = await createMission(db, { sendingCode: "PL" });
    await report(mission.id, ORIGINAL, minute(0));
    await saveReasonText(db, { missionId: mission.id, original: ORIGINAL, language: "uk", text: "Зачинено", authorName: "Editor", at: minute(5) });
    await saveReasonText(db, { missionId: mission.id, original: ORIGINAL, language: "uk", text: "Зачинено до подальшого повідомлення.", authorName: "Editor", at: minute(60) });
    const get = async (query: string) => JSON.parse((await produceApiResponse({ db, origin: "http://chancery.test" }, new URL(`http://chancery.test/api/v1/missions/${mission.slug}/history?${query}`))).response.body);

    const then = await get(`lang=uk&at=${minute(30).toISOString()}&known=then`);
    expect(then.mission.localReason).toBe("Зачинено");
    expect(then.history[0].localReason).toBe("Зачинено");
    const before = await get(`lang=uk&at=${minute(3).toISOString()}&known=then`);
    expect(before.mission.localReason).toBeNull();
    const knownNow = await get(`lang=uk&at=${minute(30).toISOString()}`);
    expect(knownNow.mission.localReason).toBe("Зачинено до подальшого повідомлення.");
    const list = JSON.parse((await produceApiResponse({ db, origin: "http://chancery.test" }, new URL(`http://chancery.test/api/v1/missions?sending=PL&lang=uk&at=${minute(30).toISOString()}&known=then`))).response.body);
    expect(list.data[0].localReason).toBe("Зачинено");
  });
});
