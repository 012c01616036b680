// Property: a page of the as-of table found from statuses and sort keys alone
// (lib/history/as-of-page.ts) is the page of the whole replayed table (pageMissions over
// loadMissionsAsOf): the same rows in the same order, totals, count and cursors, for random
// histories, filters, orders, page sizes, moments and both `known` modes, walking every page.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { loadLastUpdatedAsOf, loadMissionsAsOf } from "@/lib/history/as-of";
import { loadHostCountsAsOf, loadMissionPageAsOf } from "@/lib/history/as-of-page";
import { summariseHostsAsOf } from "@/lib/history/host-summaries";
import { lastUpdatedOf } from "@/lib/missions/scope-rows";
import { backfillRunColumns } from "@/lib/history/run-columns";
import { decodeCursor } from "@/lib/missions/cursor";
import { pageMissions } from "@/lib/missions/filter-missions";
import { MISSION_SORTS, parseMissionFiltersLeniently } from "@/lib/missions/filters";
import type { SortPosition } from "@/lib/missions/order";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { AS_OF_PLACES as PLACES, createMission } from "../factories";

const BASE = new Date("2030-01-01T00:00:00Z").getTime();
const HOUR = 3600_000;

const entry = fc.record({
  mission: fc.nat({ max: 9 }),
  status: fc.constantFrom("open", "limited", "closed", "unreported"),
  effectiveHours: fc.integer({ min: 0, max: 12 }),
  recordedLater: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 })),
});

const query = fc.record({
  status: fc.subarray(["open", "limited", "closed", "unreported"]),
  city: fc.constantFrom(undefined, "Kyiv", "lviv"),
  type: fc.constantFrom(undefined, "embassy", "consulate"),
  sort: fc.constantFrom(...MISSION_SORTS),
  dir: fc.constantFrom("asc", "desc"),
  limit: fc.integer({ min: 1, max: 4 }),
  atHours: fc.integer({ min: 0, max: 14 }),
  known: fc.constantFrom("now" as const, "then" as const),
});

describe("a page of the table as of a moment", () => {
  it("is the page of the whole replayed table, for every page of random filters and orders", async () => {
    const db = getDb();
    await db.country.upsert({ where: { code: "QP" }, create: { code: "QP", name: "Host QP", isIso: false }, update: {} });
    const freshness = await loadFreshnessContext(db, new Date(BASE + 100 * HOUR));
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 25 }), fc.array(query, { minLength: 1, maxLength: 3 }), async (entries, queries) => {
        await db.statusChange.deleteMany({ where: { mission: { hostCode: "QP" } } });
        await db.mission.deleteMany({ where: { hostCode: "QP" } });
        const missions = [];
        for (let index = 0; index < 10; index++) missions.push(await createMission(db, { hostCode: "QP", ...PLACES[index % PLACES.length]! }));
        // Half were added to the table late, for known=then.
        for (const [index, mission] of missions.entries()) {
          await db.mission.update({ where: { id: mission.id }, data: { createdAt: new Date(BASE + (index % 2 ? 6 : -100) * HOUR) } });
        }
        let version = 0;
        for (const generated of entries) {
          const effectiveAt = new Date(BASE + generated.effectiveHours * HOUR);
          await db.statusChange.create({
            data: {
              missionId: missions[generated.mission]!.id,
              kind: "change",
              newStatus: generated.status,
              effectiveAt,
              recordedAt: new Date(effectiveAt.getTime() + generated.recordedLater * HOUR),
              authorName: "Property",
              version: ++version,
            },
          });
        }
        await backfillRunColumns(db);
        for (const asked of queries) {
          const filters = parseMissionFiltersLeniently({ host: "QP", status: asked.status.join(",") || undefined, city: asked.city, type: asked.type, sort: asked.sort, dir: asked.dir });
          const moment = { at: new Date(BASE + asked.atHours * HOUR), known: asked.known };
          const whole = await loadMissionsAsOf(db, { hostCode: "QP" }, moment, freshness);
          // The home and search pages at a moment (decision 044): counts and last update from the database.
          const world = await loadMissionsAsOf(db, {}, moment, freshness);
          expect(await loadHostCountsAsOf(db, moment), "host counts").toEqual(summariseHostsAsOf(world).map(({ code, name, missions, counts }) => ({ code, name, missions, counts })));
          expect(await loadLastUpdatedAsOf(db, { hostCode: "QP" }, moment), "last updated").toEqual(lastUpdatedOf(whole));
          let after: SortPosition | null = null;
          for (let pages = 0; pages < 20; pages++) {
            const page = await loadMissionPageAsOf(db, moment, { filters, limit: asked.limit, after }, freshness);
            const expected = pageMissions(whole, filters, { limit: asked.limit, after });
            const label = `${JSON.stringify(asked)} page ${pages}`;
            expect({ slugs: page.rows.map((row) => row.slug), totals: page.totals, matching: page.matching, nextCursor: page.nextCursor }, label).toEqual({
              slugs: expected.rows.map((row) => row.slug),
              totals: expected.totals,
              matching: expected.matching,
              nextCursor: expected.nextCursor,
            });
            expect(page.rows, label).toEqual(expected.rows);
            if (!page.nextCursor) break;
            const decoded = decodeCursor(page.nextCursor, filters);
            if (typeof decoded === "string") throw new Error(decoded);
            after = decoded;
          }
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 25), endOnFailure: true },
    );
  }, 240_000);
});
