// Properties of the as-of reads counted or paged in the database (decision 047), against a
// naive replay of random histories, for both `known` modes, on SQLite and PostgreSQL:
// - missions.csv?at=… reads the table a page at a time (eachMissionRowAsOf): every matching
//   mission exactly once, with the replayed status, in the list's order, the same rows as the
//   whole table replayed and filtered in memory, whatever the page size;
// - /countries?at=… counts missions, statuses and confirmed statuses per host in the database
//   (loadHostSummariesAsOf): the counts of the naive replay with freshness judged at T.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/create";
import { loadMissionsAsOf } from "@/lib/history/as-of";
import { eachMissionRowAsOf } from "@/lib/history/as-of-rows";
import { loadHostSummariesAsOf } from "@/lib/history/host-summaries";
import { filterMissions } from "@/lib/missions/filter-missions";
import { MISSION_SORTS, parseMissionFiltersLeniently } from "@/lib/missions/filters";
import { backfillRunColumns } from "@/lib/history/run-columns";
import { freshnessOf, isConfirmed, policyLookup } from "@/lib/status/freshness";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { emptyStatusCounts, statusFilterOf } from "@/lib/status/schema";
import { AS_OF_PLACES as PLACES, createMission } from "../factories";

const BASE = new Date("2030-01-01T00:00:00Z").getTime();
const HOUR = 3600_000;
const HOSTS = ["QP", "QR"] as const;
const MISSIONS = 8;

const entry = fc.record({
  mission: fc.nat({ max: MISSIONS - 1 }),
  kind: fc.constantFrom("change", "change", "expiry", "scheduled"),
  status: fc.constantFrom("open", "limited", "closed", "unreported"),
  effectiveHours: fc.integer({ min: 0, max: 40 }),
  recordedLater: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
});

const world = fc.record({
  entries: fc.array(entry, { maxLength: 30 }),
  // Hours after BASE each mission was added to the table, and archived (none: still listed).
  createdHours: fc.array(fc.integer({ min: -10, max: 30 }), { minLength: MISSIONS, maxLength: MISSIONS }),
  archivedHours: fc.array(fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 50 }) }), { minLength: MISSIONS, maxLength: MISSIONS }),
  // QP's own stale hours (none: the defaults, as QR always has).
  policy: fc.option(fc.record({ closed: fc.integer({ min: 1, max: 30 }), limited: fc.integer({ min: 1, max: 30 }), open: fc.integer({ min: 1, max: 30 }) })),
});

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

const moment = fc.record({ atHours: fc.integer({ min: 0, max: 60 }), known: fc.constantFrom("now" as const, "then" as const) });

type Entry = Awaited<ReturnType<Db["statusChange"]["findMany"]>>[number];
type Mission = Awaited<ReturnType<Db["mission"]["findMany"]>>[number];

/** The naive replay of one mission at T: in the table or not, and its standing entry's status and confirmation. */
function replay(mission: Mission, history: readonly Entry[], at: Date, known: "now" | "then") {
  const counted = history
    .filter((change) => change.missionId === mission.id && change.effectiveAt <= at && (known === "now" || change.recordedAt <= at))
    .sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime() || a.id - b.id);
  const latest = counted.at(-1);
  const listed = (mission.archivedAt === null || mission.archivedAt > at) && (known === "now" || mission.createdAt <= at || latest !== undefined);
  if (!latest) return { listed, status: null, verifiedAt: null, expectedAfter: null };
  const confirmed = latest.recordedAt > latest.effectiveAt ? latest.recordedAt : latest.effectiveAt;
  const verifiedAt = latest.kind === "expiry" ? null : latest.kind === "scheduled" ? latest.effectiveAt : confirmed > at ? at : confirmed;
  return { listed, status: latest.newStatus /* "unreported" arrives as null (lib/db/stored-values.ts) */, verifiedAt, expectedAfter: latest.kind === "expiry" ? latest.previousStatus : null };
}

async function plant(db: Db, generated: World) {
  await db.statusChange.deleteMany({ where: { mission: { hostCode: { in: [...HOSTS] } } } });
  await db.mission.deleteMany({ where: { hostCode: { in: [...HOSTS] } } });
  await db.freshnessPolicy.deleteMany({ where: { hostCode: { in: [...HOSTS] } } });
  if (generated.policy) {
    const { closed, limited, open } = generated.policy;
    await db.freshnessPolicy.create({ data: { hostCode: "QP", closedStaleHours: closed, limitedStaleHours: limited, openStaleHours: open } });
  }
  const missions = [];
  for (let index = 0; index < MISSIONS; index++) {
    const mission = await createMission(db, { hostCode: HOSTS[index % HOSTS.length]!, ...PLACES[index % PLACES.length]! });
    const archived = generated.archivedHours[index];
    missions.push(
      await db.mission.update({
        where: { id: mission.id },
        data: { createdAt: new Date(BASE + generated.createdHours[index]! * HOUR), archivedAt: archived === null || archived === undefined ? null : new Date(BASE + archived * HOUR) },
      }),
    );
  }
  let version = 0;
  for (const generatedEntry of generated.entries) {
    const effectiveAt = new Date(BASE + generatedEntry.effectiveHours * HOUR);
    await db.statusChange.create({
      data: {
        missionId: missions[generatedEntry.mission]!.id,
        kind: generatedEntry.kind,
        newStatus: generatedEntry.status,
        previousStatus: generatedEntry.kind === "expiry" ? "closed" : null,
        effectiveAt,
        recordedAt: new Date(effectiveAt.getTime() + generatedEntry.recordedLater * HOUR),
        authorName: "Property",
        version: ++version,
      },
    });
  }
  await backfillRunColumns(db);
  return { missions: await db.mission.findMany({ where: { hostCode: { in: [...HOSTS] } }, orderBy: { id: "asc" } }), history: await db.statusChange.findMany({ where: { mission: { hostCode: { in: [...HOSTS] } } } }) };
}

async function prepareCountries(db: Db) {
  for (const code of HOSTS) await db.country.upsert({ where: { code }, create: { code, name: `Host ${code}`, isIso: false }, update: {} });
}

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 30), endOnFailure: true };

describe("the as-of reads in the database", () => {
  it("missions.csv?at=…: paged rows are the replayed table's, each once, in the list's order", async () => {
    const db = getDb();
    await prepareCountries(db);
    const query = fc.record({
      host: fc.constantFrom(undefined, "QP"),
      status: fc.subarray(["open", "limited", "closed", "unreported"]),
      city: fc.constantFrom(undefined, "Kyiv", "lviv"),
      sort: fc.constantFrom(...MISSION_SORTS),
      dir: fc.constantFrom("asc", "desc"),
      pageSize: fc.integer({ min: 1, max: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(world, fc.array(fc.tuple(query, moment), { minLength: 1, maxLength: 3 }), async (generated, asked) => {
        const { missions, history } = await plant(db, generated);
        for (const [filtersAsked, { atHours, known }] of asked) {
          const at = new Date(BASE + atHours * HOUR);
          const { pageSize, ...params } = filtersAsked;
          const filters = parseMissionFiltersLeniently({ ...params, status: params.status.join(",") || undefined });
          const freshness = await loadFreshnessContext(db, at);
          const label = JSON.stringify({ filtersAsked, atHours, known });
          const paged = [];
          for await (const row of eachMissionRowAsOf(db, { at, known }, filters, freshness, { pageSize })) {
            if (HOSTS.includes(row.hostCode as (typeof HOSTS)[number])) paged.push(row);
          }
          // The naive replay: which missions, with which status.
          const expected = missions
            .filter((mission) => !filters.host || mission.hostCode === filters.host)
            .filter((mission) => !filters.city || mission.city.toLowerCase() === filters.city.toLowerCase())
            .map((mission) => ({ mission, replayed: replay(mission, history, at, known) }))
            .filter(({ replayed }) => replayed.listed && (!filters.status.length || filters.status.includes(statusFilterOf(replayed.status))));
          expect(paged.map((row) => [row.id, row.status]).sort(([a], [b]) => Number(a) - Number(b)), label).toEqual(expected.map(({ mission, replayed }) => [mission.id, replayed.status]));
          // The rows in full and their order: the whole scope replayed and filtered in memory.
          const whole = (await loadMissionsAsOf(db, { hostCode: filters.host }, { at, known }, freshness)).filter((row) => HOSTS.includes(row.hostCode as (typeof HOSTS)[number]));
          expect(paged, label).toEqual(filterMissions(whole, filters).rows);
        }
      }),
      RUNS,
    );
  }, 240_000);

  it("/countries?at=…: per host, the naive replay's missions, statuses and confirmed statuses", async () => {
    const db = getDb();
    await prepareCountries(db);
    await fc.assert(
      fc.asyncProperty(world, fc.array(moment, { minLength: 1, maxLength: 3 }), async (generated, moments) => {
        const { missions, history } = await plant(db, generated);
        for (const { atHours, known } of moments) {
          const at = new Date(BASE + atHours * HOUR);
          const freshness = await loadFreshnessContext(db, at);
          const policies = policyLookup(generated.policy ? [{ hostCode: "QP", closedStaleHours: generated.policy.closed, limitedStaleHours: generated.policy.limited, openStaleHours: generated.policy.open, inCrisis: false }] : []);
          const expected = HOSTS.map((code) => ({ code, name: `Host ${code}`, missions: 0, counts: emptyStatusCounts(), confirmed: emptyStatusCounts(), unconfirmed: emptyStatusCounts() }));
          for (const mission of missions) {
            const replayed = replay(mission, history, at, known);
            if (!replayed.listed) continue;
            const summary = expected.find((host) => host.code === mission.hostCode)!;
            const status = statusFilterOf(replayed.status);
            summary.missions++;
            summary.counts[status]++;
            if (status !== "unreported") (isConfirmed(freshnessOf(replayed, policies(mission.hostCode), at)) ? summary.confirmed : summary.unconfirmed)[status]++;
          }
          const counted = (await loadHostSummariesAsOf(db, { at, known }, freshness)).filter((host) => HOSTS.includes(host.code as (typeof HOSTS)[number]));
          expect(counted, JSON.stringify({ atHours, known, policy: generated.policy })).toEqual(expected.filter((host) => host.missions > 0));
        }
      }),
      RUNS,
    );
  }, 240_000);
});
