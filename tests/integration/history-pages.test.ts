// Bounded history: the API's history and the mission page show one page at a time, and the
// cursors walk every entry exactly once in history order, even with ties in both times.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { produceApiResponse } from "@/lib/api/handlers";
import { loadMissionDetail } from "@/lib/api/read-model";
import { postgresAdapter, sqliteAdapter } from "@/lib/db/adapters";
import { getDb, type Db } from "@/lib/db/client";
import { databaseProviderOf } from "@/lib/env";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { HISTORY_PAGE_SIZE } from "@/lib/missions/history-page";
import { getMissionBySlug } from "@/lib/missions/queries";
import { createMission } from "../factories";

const ORIGIN = "http://chancery.test";
const BASE = Date.parse("2025-01-01T00:00:00Z");

async function historyOf(slug: string, query: string) {
  const { response } = await produceApiResponse({ db: getDb(), origin: ORIGIN }, new URL(`/api/v1/missions/${slug}/history${query}`, ORIGIN));
  return { status: response.status, json: JSON.parse(response.body) };
}

/** Entries at a few distinct instants, so many share effectiveAt and recordedAt. */
async function missionWithHistory(times: Array<[number, number]>) {
  const db = getDb();
  const mission = await createMission(db);
  await db.statusChange.createMany({
    data: times.map(([effective, recorded], index) => ({
      missionId: mission.id,
      newStatus: index % 2 ? "open" : "closed",
      effectiveAt: new Date(BASE + effective * 60_000),
      recordedAt: new Date(BASE + recorded * 60_000),
      authorName: "Generator",
      version: index + 1,
    })),
  });
  const expected = await db.statusChange.findMany({ where: { missionId: mission.id }, orderBy: [{ effectiveAt: "desc" }, { recordedAt: "desc" }, { id: "desc" }], select: { id: true } });
  return { slug: mission.slug, expected: expected.map((entry) => entry.id) };
}

/** A second client on the test database that records the parameters of every history read. */
function clientRecordingHistoryReads(url: string) {
  const reads: unknown[][] = [];
  const record = (event: { query: string; params: string }) => {
    if (/\bFROM\s+\S*StatusChange\b/.test(event.query)) reads.push(JSON.parse(event.params) as unknown[]);
  };
  const log = [{ emit: "event" as const, level: "query" as const }];
  if (databaseProviderOf(url) === "sqlite") {
    const client = new SqliteClient({ adapter: sqliteAdapter(url), log });
    client.$on("query", record);
    return { db: client as unknown as Db, reads };
  }
  const client = new PostgresClient({ adapter: postgresAdapter(url), log });
  client.$on("query", record);
  return { db: client as unknown as Db, reads };
}

describe("history pages", () => {
  it("reads only one page of history from the database, even when reads of one tick are batched", async () => {
    const { slug } = await missionWithHistory(Array.from({ length: HISTORY_PAGE_SIZE * 3 }, (_, index) => [index, index]));
    const { db, reads } = clientRecordingHistoryReads(process.env.DATABASE_URL!);
    try {
      // A page's metadata and its body ask in the same tick: Prisma batches those findUniques.
      const pages = await Promise.all([loadMissionDetail(db, slug, { limit: HISTORY_PAGE_SIZE }), loadMissionDetail(db, slug, { limit: HISTORY_PAGE_SIZE })]);
      expect(pages.map((page) => page?.history.length)).toEqual([HISTORY_PAGE_SIZE, HISTORY_PAGE_SIZE]);
      expect(reads.length).toBeGreaterThan(0);
      // The LIMIT sent is the page and one more; a nested `take` applied in memory sends none (-1 on SQLite).
      for (const params of reads) expect(params.map(Number)).toContain(HISTORY_PAGE_SIZE + 1);
    } finally {
      await db.$disconnect();
    }
  });

  it("walk every entry exactly once, newest first, never more than the limit (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        async (times, limit) => {
          const { slug, expected } = await missionWithHistory(times);
          const seen: number[] = [];
          let before: string | null = null;
          let pages = 0;
          do {
            const page: { status: number; json: { history: Array<{ id: number }>; nextCursor: string | null } } = await historyOf(slug, `?limit=${limit}${before ? `&before=${before}` : ""}`);
            expect(page.status).toBe(200);
            expect(page.json.history.length).toBeLessThanOrEqual(limit);
            seen.push(...page.json.history.map((entry) => entry.id));
            before = page.json.nextCursor;
            pages++;
          } while (before && pages < 100);
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: 15 },
    );
  });

  it("sends the latest page by default and refuses a made-up cursor or limit, naming it", async () => {
    const { slug, expected } = await missionWithHistory(Array.from({ length: HISTORY_PAGE_SIZE + 5 }, (_, index) => [index, index]));
    const first = await historyOf(slug, "");
    expect(first.json.history.map((entry: { id: number }) => entry.id)).toEqual(expected.slice(0, HISTORY_PAGE_SIZE));
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const bad = await historyOf(slug, "?before=not-a-cursor");
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual([{ field: "before", message: "is not a cursor returned by this API" }]);
    expect((await historyOf(slug, "?limit=100000")).json.error.fields[0].field).toBe("limit");
    expect((await historyOf(slug, "?page=2")).json.error.fields[0].field).toBe("page");
  });

  it("shows the mission page one page of history at a time, with a link to the older entries", async () => {
    const { slug, expected } = await missionWithHistory(Array.from({ length: HISTORY_PAGE_SIZE * 2 + 1 }, (_, index) => [index, index]));
    const latest = await getMissionBySlug(slug, new Date());
    expect(latest?.history.map((entry) => entry.id)).toEqual(expected.slice(0, HISTORY_PAGE_SIZE));
    expect(latest?.isLatestHistory).toBe(true);
    const older = await getMissionBySlug(slug, new Date(), { before: latest?.olderHistory ?? "" });
    expect(older?.history.map((entry) => entry.id)).toEqual(expected.slice(HISTORY_PAGE_SIZE, HISTORY_PAGE_SIZE * 2));
    const last = await getMissionBySlug(slug, new Date(), { before: older?.olderHistory ?? "" });
    expect(last?.history.map((entry) => entry.id)).toEqual(expected.slice(HISTORY_PAGE_SIZE * 2));
    expect(last?.olderHistory).toBeNull();
  });
});
