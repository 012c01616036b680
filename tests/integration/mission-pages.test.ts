// Bounded reads (decision 026) on each database: a page never holds more than its limit, the
// cursors walk the whole matching set exactly once, in the order and with the totals the
// in-memory reference (lib/missions/filter-missions.ts) gives, for random data, filters and
// sorts. Both integration projects run this file, so SQLite and PostgreSQL are each held to
// the same reference: the same results on both. Search folds accents and case (decision 027).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { produceApiResponse } from "@/lib/api/handlers";
import { loadMissionRows } from "@/lib/api/read-model";
import { getDb } from "@/lib/db/client";
import { filterMissions } from "@/lib/missions/filter-missions";
import { MISSION_SORTS, type MissionFilters } from "@/lib/missions/filters";
import { backfillFoldedColumns, refreshFoldedColumns } from "@/lib/missions/folded-columns";
import { decodeCursor } from "@/lib/missions/cursor";
import { loadMissionPage } from "@/lib/missions/list-query";
import { loadScopeRows, scopeFactsOf } from "@/lib/missions/scope-rows";
import { MISSION_TYPES } from "@/lib/missions/types";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { STATUS_FILTERS } from "@/lib/status/schema";
import * as adminMissions from "@/app/api/admin/missions/route";
import { createMission, EDITOR } from "../factories";
import { call, createUserWithSession } from "../http";

const NOW = new Date("2026-12-01T10:00:00Z");
const HOUR = 3600_000;
// Names that collate differently by locale, case and accent: code-point order must hold on both databases.
const SENDERS = ["CI", "TR", "AX", "CW", "BL", "US", "DE", "ST"];
const CITIES = ["Kyiv", "kyiv", "Kyïv", "Łódź", "Lodz", "Zürich", "zurich", "São Paulo", "İstanbul", "Ōsaka", "Aix-en-Provence", "Aix en Provence"];
const REASONS = [null, "Air warning", "Holiday", "Élections", "air WARNING"];

const missionArb = fc.record({
  // Mostly three senders, so rows tie on the sort key and the sender and the later keys decide.
  sendingCode: fc.oneof({ arbitrary: fc.constantFrom("CI", "TR", "US"), weight: 4 }, { arbitrary: fc.constantFrom(...SENDERS), weight: 1 }),
  hostCode: fc.constantFrom("UA", "PL"),
  city: fc.constantFrom(...CITIES),
  type: fc.constantFrom(...MISSION_TYPES),
  status: fc.constantFrom(null, "open", "limited", "closed"),
  reason: fc.constantFrom(...REASONS),
  // Few distinct times, so ties on the sort key are common; some missing.
  sinceHours: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  verifiedHours: fc.option(fc.constantFrom(1, 20, 30, 800), { nil: null }),
  archived: fc.integer({ min: 0, max: 9 }).map((draw) => draw === 0),
});

/** Present `percent` of the time, otherwise `absent`: most queries keep most rows, so pages are many. */
const sometimes = <T, A>(percent: number, arbitrary: fc.Arbitrary<T>, absent: A) => fc.oneof({ arbitrary: fc.constant(absent), weight: 100 - percent }, { arbitrary, weight: percent });

const filtersArb: fc.Arbitrary<MissionFilters> = fc.record({
  host: sometimes(25, fc.constantFrom("UA", "PL"), undefined),
  city: sometimes(10, fc.constantFrom("kyiv", "LODZ", "Zurich"), undefined),
  sending: sometimes(15, fc.subarray(SENDERS, { minLength: 1, maxLength: 3 }), []),
  status: sometimes(25, fc.subarray([...STATUS_FILTERS], { minLength: 1, maxLength: 2 }), []),
  type: sometimes(10, fc.subarray([...MISSION_TYPES], { minLength: 1, maxLength: 4 }), []),
  confirmed: sometimes(15, fc.constant(true), false),
  q: sometimes(15, fc.constantFrom("kyiv", "air", "ELECTIONS", "aix en", "türk", "saint"), undefined),
  sort: fc.constantFrom(...MISSION_SORTS),
  dir: fc.constantFrom("asc" as const, "desc" as const),
});

type MissionSpec = typeof missionArb extends fc.Arbitrary<infer T> ? T : never;

let inserted = 0;

/** Replaces every mission with these, folded by the same function the writes call. */
async function insert(missions: MissionSpec[]) {
  const db = getDb();
  await db.statusChange.deleteMany({});
  await db.mission.deleteMany({});
  const at = (hours: number | null) => (hours === null ? null : new Date(NOW.getTime() - hours * HOUR));
  await db.mission.createMany({
    data: missions.map((mission) => ({
      slug: `m-${++inserted}`,
      sendingCode: mission.sendingCode,
      hostCode: mission.hostCode,
      city: mission.city,
      type: mission.type,
      archivedAt: mission.archived ? NOW : null,
      status: mission.status,
      statusReason: mission.status ? mission.reason : null,
      statusSince: mission.status ? at(mission.sinceHours) : null,
      verifiedAt: mission.status ? at(mission.verifiedHours) : null,
    })),
  });
  await refreshFoldedColumns(db, {});
}

async function walk(filters: MissionFilters, limit: number) {
  const db = getDb();
  const context = await loadFreshnessContext(db, NOW);
  const seen: number[] = [];
  let after = null;
  for (let pages = 0; pages < 200; pages++) {
    const page = await loadMissionPage(db, context, { filters, limit, after });
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    seen.push(...page.rows.map((row) => row.id));
    if (!page.nextCursor) return { ids: seen, totals: page.totals, matching: page.matching };
    expect(page.rows).toHaveLength(limit);
    const position = decodeCursor(page.nextCursor, filters);
    if (typeof position === "string") throw new Error(position);
    after = position;
  }
  throw new Error("the cursors did not end");
}

describe("mission lists paged in the database", () => {
  it("walk the whole matching set exactly once, in the reference order, with its totals (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(missionArb, { minLength: 10, maxLength: 40 }), fc.array(fc.tuple(filtersArb, fc.integer({ min: 1, max: 7 })), { minLength: 6, maxLength: 6 }), async (missions, queries) => {
        await insert(missions);
        const context = await loadFreshnessContext(getDb(), NOW);
        const all = await loadMissionRows(getDb(), context);
        for (const [filters, limit] of queries) {
          const expected = filterMissions(all, filters);
          const walked = await walk(filters, limit);
          expect(walked.ids).toEqual(expected.rows.map((row) => row.id));
          expect(new Set(walked.ids).size).toBe(walked.ids.length);
          expect(walked.matching).toBe(expected.rows.length);
          expect(walked.totals).toEqual(expected.totals);
        }
      }),
      { numRuns: 12 },
    );
  }, 180_000);

  it("reads a host's or sender's rows in one statement exactly as the table rows are read (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(missionArb, { minLength: 1, maxLength: 40 }), fc.constantFrom(...SENDERS), async (missions, sender) => {
        await insert(missions);
        const db = getDb();
        const context = await loadFreshnessContext(db, NOW);
        const all = (await loadMissionRows(db, context)).sort((a, b) => a.id - b.id);
        for (const [scope, expected] of [
          [{ hostCode: "UA" }, all.filter((row) => row.hostCode === "UA")],
          [{ sendingCode: sender }, all.filter((row) => row.sendingCode === sender)],
        ] as const) {
          const rows = await loadScopeRows(db, scope, context);
          // Object.entries: Prisma's rows carry a symbol for util.inspect that raw rows have no need of.
          expect(rows.map((row) => Object.fromEntries(Object.entries(row)))).toEqual(expected.map((row) => Object.fromEntries(Object.entries(row))));
          const facts = scopeFactsOf(rows);
          expect(facts.cities).toEqual([...new Set(expected.map((row) => row.city))].sort((a, b) => a.localeCompare(b, "en")));
          expect(facts.lastUpdated.statusSince?.getTime() ?? null).toBe(expected.reduce<number | null>((max, row) => (row.statusSince && (max === null || row.statusSince.getTime() > max) ? row.statusSince.getTime() : max), null));
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it("orders accented and cased names by their folded code points, the same on every database", async () => {
    await insert(CITIES.map((city) => ({ sendingCode: "US", hostCode: "UA", city, type: "embassy", status: null, reason: null, sinceHours: null, verifiedHours: null, archived: false })));
    const context = await loadFreshnessContext(getDb(), NOW);
    const page = await loadMissionPage(getDb(), context, { filters: { sending: [], status: [], type: [], confirmed: false, sort: "city", dir: "asc" }, limit: 100 });
    expect(page.rows.map((row) => row.city)).toEqual(["Aix en Provence", "Aix-en-Provence", "İstanbul", "Kyiv", "kyiv", "Kyïv", "Łódź", "Lodz", "Ōsaka", "São Paulo", "Zürich", "zurich"]);
  });

  it("finds the same missions for any spelling of a word: kyiv, KYÏV, Kyïv", async () => {
    const db = getDb();
    const kyiv = await createMission(db, { city: "Kyïv" });
    await createMission(db, { city: "Lviv" });
    const ids = async (q: string) => {
      const { response } = await produceApiResponse({ db, origin: "http://chancery.test", now: () => NOW }, new URL(`/api/v1/missions?q=${encodeURIComponent(q)}`, "http://chancery.test"));
      return (JSON.parse(response.body) as { data: Array<{ slug: string }> }).data.map((mission) => mission.slug);
    };
    for (const q of ["kyiv", "KYÏV", "Kyïv", "Kyi\u0308v", "ukraine kyiv"]) expect(await ids(q), q).toEqual([kyiv.slug]);
  });

  it("keeps the folded text in step with the status reason, and backfills rows no write has folded", async () => {
    const db = getDb();
    const mission = await createMission(db, { sendingCode: "CI", city: "Abidjan" });
    await db.$transaction((tx) => recordStatusChange(tx, { missionId: mission.id, status: "closed", reason: "Élections présidentielles", sourceUrl: null, sourceTitle: null, effectiveAt: NOW, author: EDITOR }));
    const folded = await db.mission.findUniqueOrThrow({ where: { id: mission.id }, select: { searchText: true, sendingKey: true, cityKey: true, updatedAt: true } });
    expect(folded).toMatchObject({ sendingKey: "cote d'ivoire", cityKey: "abidjan" });
    expect(folded.searchText).toContain("elections presidentielles");
    // As a migration leaves them: emptied, then filled again without touching updatedAt.
    await db.mission.updateMany({ data: { searchText: "", sendingKey: "", hostKey: "", cityKey: "" } });
    const before = await db.mission.findUniqueOrThrow({ where: { id: mission.id }, select: { updatedAt: true } });
    expect(await backfillFoldedColumns(db)).toBe(await db.mission.count());
    expect(await db.mission.findUniqueOrThrow({ where: { id: mission.id }, select: { searchText: true, sendingKey: true, cityKey: true, updatedAt: true } })).toEqual({ ...folded, updatedAt: before.updatedAt });
    expect(await backfillFoldedColumns(db)).toBe(0);
  });
});

describe("an event's reports, a page at a time", () => {
  it("shows the newest first, and `before` walks every older one exactly once", async () => {
    const db = getDb();
    const event = await db.event.create({ data: { slug: "big-storm", name: "Big storm", occurredAt: NOW } });
    const missions = await Promise.all(Array.from({ length: 4 }, () => createMission(db)));
    // 130 reports, several at the same moment (the cursor breaks ties by recordedAt and id).
    await db.statusChange.createMany({
      data: Array.from({ length: 130 }, (_, index) => ({ missionId: missions[index % 4]!.id, newStatus: "closed", effectiveAt: new Date(NOW.getTime() - Math.floor(index / 3) * HOUR), recordedAt: NOW, authorName: "test", eventId: event.id, version: index })),
    });
    const api = async (query: string) => {
      const { response } = await produceApiResponse({ db, origin: "http://chancery.test", now: () => NOW }, new URL(`/api/v1/events/big-storm${query}`, "http://chancery.test"));
      expect(response.status, response.body).toBe(200);
      return JSON.parse(response.body) as { changes: Array<{ id: number; effectiveAt: string }>; nextCursor: string | null };
    };
    const seen: number[] = [];
    let page = await api("");
    expect(page.changes).toHaveLength(50);
    for (;;) {
      expect(page.changes.length).toBeLessThanOrEqual(50);
      seen.push(...page.changes.map((change) => change.id));
      if (!page.nextCursor) break;
      page = await api(`?before=${page.nextCursor}`);
    }
    const all = await db.statusChange.findMany({ where: { eventId: event.id }, orderBy: [{ effectiveAt: "desc" }, { recordedAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen).toEqual(all.map((change) => change.id));
    // The list gives each event its newest page too.
    const listed = await produceApiResponse({ db, origin: "http://chancery.test", now: () => NOW }, new URL("/api/v1/events", "http://chancery.test"));
    const [first] = (JSON.parse(listed.response.body) as { data: Array<{ changes: Array<{ id: number }>; nextCursor: string | null }> }).data;
    expect(first?.changes.map((change) => change.id)).toEqual(seen.slice(0, 50));
    expect(first?.nextCursor).not.toBeNull();
  });
});

describe("the editor's list, paged on the server", () => {
  it("gives an editor only their host countries, a page at a time, and names a bad parameter", async () => {
    const db = getDb();
    const inScope = [];
    for (let index = 0; index < 5; index++) inScope.push((await createMission(db, { hostCode: "UA", city: `Kyiv ${index}` })).id);
    await createMission(db, { hostCode: "PL", city: "Warsaw" });
    const { token } = await createUserWithSession(db, { role: "editor", hostScope: "UA" });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const response = await call(adminMissions.GET, { method: "GET", token, path: `/api/admin/missions?limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      expect(response.status).toBe(200);
      const page = response.json as { missions: Array<{ id: number; hostCode: string }>; matching: number; totals: Record<string, number>; nextCursor: string | null };
      expect(page.missions.length).toBeLessThanOrEqual(2);
      expect(page.matching).toBe(5);
      expect(page.totals.unreported).toBe(5);
      seen.push(...page.missions.map((mission) => mission.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort((a, b) => a - b)).toEqual(inScope);
    for (const [query, field] of [["limit=0", "limit"], ["cursor=nope", "cursor"], ["status=shut", "status"]] as const) {
      const refused = await call(adminMissions.GET, { method: "GET", token, path: `/api/admin/missions?${query}` });
      expect(refused.status, query).toBe(400);
      expect((refused.json as { error: { fields: Array<{ field: string }> } }).error.fields.map((entry) => entry.field)).toContain(field);
    }
  });
});
