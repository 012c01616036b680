// Time travel: the API's table as of a moment equals a naive replay of the history, for both
// `known` modes, on the real database (SQLite and PostgreSQL projects run this file); the
// Kyiv seed as of 19 and 20 November 2024; what changed between two moments; citable caching.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { isStreamedApiPath, produceApiResponse, produceStreamedApiResponse } from "@/lib/api/handlers";
import { produceChangesCsv } from "@/lib/history/changes-api";
import { produceStreamedResponse } from "@/lib/http/hot-paths";
import { isStreamed } from "@/lib/http/response";
import { sendResponse, sendStreamed } from "@/lib/http/send";
import { produceEmbedResponse } from "@/lib/embed/render";
import type { ApiChangesBetween, ApiMissionList } from "@/lib/api/schema";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/create";
import { SETTLED_CACHE_CONTROL } from "@/lib/history/http";
import { loadLastUpdatedAsOf, loadMissionsAsOf } from "@/lib/history/as-of";
import { lastUpdatedOf } from "@/lib/missions/scope-rows";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { freshnessOf, DEFAULT_POLICY } from "@/lib/status/freshness";
import { seed } from "@/prisma/seed";
import { backfillRunColumns, refreshRunColumns } from "@/lib/history/run-columns";
import { createMission } from "../factories";
import { storedAndReplayedRuns } from "../run-columns-model";
import { expectDocumented } from "../openapi-contract";

const ORIGIN = "http://chancery.test";
const NOW = new Date("2031-06-01T00:00:00Z");
const clock = () => NOW;

/** An API answer with its whole body (a streamed one, the changes CSV, read to its end). */
async function get(pathAndQuery: string, now: () => Date = clock) {
  const url = new URL(pathAndQuery, ORIGIN);
  const ctx = { db: getDb(), origin: ORIGIN, now };
  const answer = isStreamedApiPath(url.pathname) ? await produceStreamedApiResponse(ctx, url) : (await produceApiResponse(ctx, url)).response;
  const response = isStreamed(answer) ? { status: answer.status, headers: answer.headers, body: await new Response(answer.stream).text() } : answer;
  const json = response.headers["Content-Type"]?.includes("json") ? (JSON.parse(response.body) as unknown) : undefined;
  return { response, json };
}

// ---- The naive model: filter, sort, read the last entry ----

type Entry = Awaited<ReturnType<Db["statusChange"]["findMany"]>>[number];
const order = (a: Entry, b: Entry) => a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime() || a.id - b.id;

function naiveAsOf(history: Entry[], at: Date, known: "now" | "then") {
  const sorted = history.filter((entry) => entry.effectiveAt <= at && (known === "now" || entry.recordedAt <= at)).sort(order);
  const latest = sorted.at(-1);
  if (!latest) return { status: null, statusReason: null, statusSince: null, verifiedAt: null, statusUntil: null, expectedAfter: null, freshness: null };
  let first = sorted.length - 1;
  while (first > 0 && sorted[first - 1]!.newStatus === latest.newStatus) first--;
  const confirmed = latest.recordedAt > latest.effectiveAt ? latest.recordedAt : latest.effectiveAt;
  const verifiedAt = latest.kind === "expiry" ? null : latest.kind === "scheduled" ? latest.effectiveAt : confirmed > at ? at : confirmed;
  const expectedAfter = latest.kind === "expiry" ? latest.previousStatus : null;
  const status = latest.newStatus; // "unreported" arrives as null (lib/db/stored-values.ts)
  return {
    status,
    statusReason: latest.reason,
    statusSince: sorted[first]!.effectiveAt.toISOString(),
    verifiedAt: verifiedAt?.toISOString() ?? null,
    statusUntil: latest.until?.toISOString() ?? null,
    expectedAfter,
    freshness: freshnessOf({ status, verifiedAt, expectedAfter }, DEFAULT_POLICY, at),
  };
}

// ---- Random histories on a small grid of moments, so that ties in effective and recorded time happen ----

const BASE = new Date("2030-01-01T00:00:00Z").getTime();
const HOUR = 3600_000;
const moment = fc.integer({ min: 0, max: 16 }).map((hours) => new Date(BASE + hours * HOUR));
const entry = fc.record({
  mission: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom("change", "verify", "expiry", "scheduled"),
  status: fc.constantFrom("open", "limited", "closed", "unreported"),
  effectiveAt: moment,
  recordedLater: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: 30 })),
  until: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
});

describe("the table as of a moment", () => {
  // The run columns (decision 039) are left empty (the statement replays the run from the
  // index), filled by the backfill, or kept by refreshRunColumns after each write.
  it("equals a naive replay of the history for random histories and moments, as known now and as known then, with the run columns empty, backfilled or kept on write", async () => {
    const db = getDb();
    const fill = fc.constantFrom("empty", "backfilled", "written");
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 14 }), fc.array(moment, { minLength: 1, maxLength: 4 }), fill, async (entries, moments, runColumns) => {
        const host = `Q${String.fromCharCode(65 + Math.floor(Math.random() * 26))}`;
        await db.country.upsert({ where: { code: host }, create: { code: host, name: `Host ${host}`, isIso: false }, update: {} });
        await db.statusChange.deleteMany({ where: { mission: { hostCode: host } } });
        await db.mission.deleteMany({ where: { hostCode: host } });
        const missions = [await createMission(db, { hostCode: host }), await createMission(db, { hostCode: host }), await createMission(db, { hostCode: host })];
        // Created long before: the createdAt rule of known=then is tested apart.
        await db.mission.updateMany({ where: { hostCode: host }, data: { createdAt: new Date("2020-01-01T00:00:00Z") } });
        let version = 0;
        for (const generated of entries) {
          const written = await db.statusChange.create({
            data: {
              missionId: missions[generated.mission]!.id,
              kind: generated.kind,
              previousStatus: "open",
              newStatus: generated.status,
              reason: `Reason ${version}`,
              effectiveAt: generated.effectiveAt,
              recordedAt: new Date(generated.effectiveAt.getTime() + generated.recordedLater * HOUR),
              authorName: "Property",
              version: ++version,
              until: generated.until ? new Date(generated.effectiveAt.getTime() + generated.until * HOUR) : null,
              follows: generated.until ? "open" : null,
            },
          });
          if (runColumns === "written") await refreshRunColumns(db, written.missionId, written);
        }
        if (runColumns === "backfilled") await backfillRunColumns(db);
        const histories = await Promise.all(missions.map((mission) => db.statusChange.findMany({ where: { missionId: mission.id } })));
        if (runColumns !== "empty") {
          for (const history of histories) {
            const runs = storedAndReplayedRuns(history);
            expect(runs.map((run) => run.stored), `run columns (${runColumns})`).toEqual(runs.map((run) => run.replayed));
          }
        }
        for (const at of moments) {
          for (const known of ["now", "then"] as const) {
            const { response, json } = await get(`/api/v1/missions?host=${host}&limit=500&at=${at.toISOString()}&known=${known}`);
            expect(response.status).toBe(200);
            // "Data last updated" of the pages at a moment, aggregated in the database (decision 044).
            const whole = await loadMissionsAsOf(db, { hostCode: host }, { at, known }, await loadFreshnessContext(db, at));
            expect(await loadLastUpdatedAsOf(db, { hostCode: host }, { at, known }), `last updated at ${at.toISOString()} (${known})`).toEqual(lastUpdatedOf(whole));
            const list = json as ApiMissionList;
            const bySlug = new Map(list.data.map((row) => [row.slug, row]));
            missions.forEach((mission, index) => {
              const shown = bySlug.get(mission.slug);
              expect(shown, `${mission.slug} shown at ${at.toISOString()} (${known})`).toBeDefined();
              const { status, statusReason, statusSince, verifiedAt, statusUntil, expectedAfter, freshness } = shown!;
              const expected = naiveAsOf(histories[index]!, at, known);
              expect({ status, statusReason, statusSince, verifiedAt, statusUntil, expectedAfter, freshness }, `${mission.slug} at ${at.toISOString()} (${known})`).toEqual(expected);
            });
          }
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40), endOnFailure: true },
    );
  }, 240_000);

  it("as known then leaves out missions added after the moment; as known now shows them unreported", async () => {
    const db = getDb();
    const mission = await createMission(db, { hostCode: "MD", city: "Chișinău" });
    const before = new Date(mission.createdAt.getTime() - HOUR).toISOString();
    const slugs = async (known: string) => ((await get(`/api/v1/missions?host=MD&at=${before}&known=${known}`, () => new Date())).json as ApiMissionList).data.map((row) => row.slug);
    expect(await slugs("then")).not.toContain(mission.slug);
    expect(await slugs("now")).toContain(mission.slug);
  });
});

describe("the Kyiv seed through time", () => {
  // Each test starts from an emptied database (tests/setup/per-file-database.ts).
  beforeEach(async () => {
    await seed(getDb());
  });

  const statusesAt = async (at: string, known = "now") => {
    const { response, json } = await get(`/api/v1/missions?host=UA&city=Kyiv&limit=500&status=open,limited,closed&at=${encodeURIComponent(at)}&known=${known}`, () => new Date());
    expect(response.status).toBe(200);
    return Object.fromEntries((json as ApiMissionList).data.map((row) => [row.sendingCountry.code, row.status]));
  };

  it("on 19 November 2024 all six were open; on 20 November at 10:00 Kyiv time four closed, one limited, one open", async () => {
    expect(await statusesAt("2024-11-19T12:00:00+02:00")).toEqual({ DE: "open", ES: "open", GB: "open", GR: "open", IT: "open", US: "open" });
    expect(await statusesAt("2024-11-20T10:00:00+02:00")).toEqual({ DE: "limited", ES: "closed", GB: "open", GR: "closed", IT: "closed", US: "closed" });
    // As known then: the reports were recorded on the 20th, so on the 19th nothing was shown yet.
    expect(await statusesAt("2024-11-19T12:00:00+02:00", "then")).toEqual({});
  });

  it("lists exactly the five changes between those moments, as JSON and CSV", async () => {
    const query = `from=${encodeURIComponent("2024-11-19T12:00:00+02:00")}&to=${encodeURIComponent("2024-11-20T10:00:00+02:00")}&host=UA&city=Kyiv`;
    const { response, json } = await get(`/api/v1/changes?${query}`, () => new Date());
    expect(response.status).toBe(200);
    expectDocumented("/changes", 200, json);
    const body = json as ApiChangesBetween;
    expect(body.data.map((change) => [change.mission.sendingCountry.code, change.from.status, change.to.status]).sort()).toEqual([
      ["DE", "open", "limited"],
      ["ES", "open", "closed"],
      ["GR", "open", "closed"],
      ["IT", "open", "closed"],
      ["US", "open", "closed"],
    ]);
    expect(body.data.every((change) => change.changes.length === 1 && change.changes[0]!.effectiveAt === "2024-11-20T07:00:00.000Z")).toBe(true);
    const csv = await get(`/api/v1/changes.csv?${query}`, () => new Date());
    expect(csv.response.headers["Content-Type"]).toContain("text/csv");
    expect(csv.response.body.trim().split("\r\n")).toHaveLength(6);
    expect(csv.response.body).toContain(",open,limited,");
  });

  it("pages the changes with cursors, each mission exactly once and in the order of the CSV; refuses a cursor not ours and a page size on the CSV", async () => {
    const query = `from=${encodeURIComponent("2024-11-19T12:00:00+02:00")}&to=${encodeURIComponent("2024-11-20T10:00:00+02:00")}&host=UA&city=Kyiv`;
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const { response, json } = await get(`/api/v1/changes?${query}&limit=2${cursor ? `&cursor=${cursor}` : ""}`, () => new Date());
      expect(response.status).toBe(200);
      expectDocumented("/changes", 200, json);
      const body = json as ApiChangesBetween;
      expect(body.matching).toBe(5);
      expect(body.data.length).toBeLessThanOrEqual(2);
      seen.push(...body.data.map((change) => change.mission.slug));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const csv = await get(`/api/v1/changes.csv?${query}`, () => new Date());
    expect(csv.response.body.trim().split("\r\n").slice(1).map((line) => line.split(",")[0])).toEqual(seen);
    const badCursor = await get(`/api/v1/changes?${query}&cursor=nonsense`, () => new Date());
    expect(badCursor.response.status).toBe(400);
    expect(JSON.stringify(badCursor.json)).toContain("cursor");
    const csvPage = await get(`/api/v1/changes.csv?${query}&limit=2`, () => new Date());
    expect(csvPage.response.status).toBe(400);
    expect(JSON.stringify(csvPage.json)).toContain("limit");
  });

  it("streams the changes CSV a page at a time: every changed mission exactly once, in the pages' order, also through the server's send path with gzip", async () => {
    const db = getDb();
    const from = new Date("2024-11-19T10:00:00Z");
    const to = new Date("2024-11-20T08:00:00Z");
    // 23 more missions in Kyiv from three senders; those with an odd index change in between.
    const extra = [];
    for (let index = 0; index < 23; index++) extra.push(await createMission(db, { hostCode: "UA", city: "Kyiv", sendingCode: ["AT", "BE", "CH"][index % 3]! }));
    for (const [index, mission] of extra.entries()) {
      const entries = [{ newStatus: "open", effectiveAt: new Date("2024-11-01T00:00:00Z") }, ...(index % 2 ? [{ newStatus: "closed", effectiveAt: new Date("2024-11-19T20:00:00Z") }] : [])];
      for (const [version, entry] of entries.entries()) {
        await db.statusChange.create({ data: { missionId: mission.id, kind: "change", previousStatus: null, ...entry, recordedAt: entry.effectiveAt, authorName: "Test", version: version + 1 } });
      }
    }
    const query = `from=${from.toISOString()}&to=${to.toISOString()}&host=UA&city=Kyiv`;
    // The JSON pages, walked with their cursors: the set the CSV must hold, in its order.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await get(`/api/v1/changes?${query}&limit=7${cursor ? `&cursor=${cursor}` : ""}`, () => new Date())).json as ApiChangesBetween;
      paged.push(...page.data.map((change) => change.mission.slug));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toHaveLength(5 + 11);
    const answer = await produceChangesCsv({ db, now: () => new Date() }, new URLSearchParams(query), 4);
    if (!isStreamed(answer)) throw new Error(`not streamed: ${answer.status} ${answer.body}`);
    expect(answer.headers.ETag).toBeUndefined();
    const reader = answer.stream.getReader();
    const chunks: string[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(new TextDecoder().decode(read.value));
    // The header, then one chunk per page of 4: 16 missions in 4 pages.
    expect(chunks).toHaveLength(1 + 4);
    const slugs = chunks.join("").trim().split("\r\n").slice(1).map((line) => line.split(",")[0]);
    expect(slugs).toEqual(paged);
    expect(new Set(slugs).size).toBe(slugs.length);
    // A client that goes away: cancelling ends the page reads without an error.
    const cancelled = await produceChangesCsv({ db, now: () => new Date() }, new URLSearchParams(query), 4);
    if (!isStreamed(cancelled)) throw new Error("not streamed");
    const early = cancelled.stream.getReader();
    await early.read();
    await early.cancel();
    // The custom server's path (server.ts): headers first, the body gzipped as it is produced.
    const server = http.createServer((req, res) => {
      void produceStreamedResponse(db, req.headers.host, new URL(req.url ?? "/", "http://internal")).then((produced) => (isStreamed(produced) ? sendStreamed(req, res, produced) : sendResponse(req, res, produced)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      const body = await new Promise<{ status: number; encoding: string | undefined; text: string }>((resolve, reject) => {
        http.get({ host: "127.0.0.1", port, path: `/api/v1/changes.csv?${query}`, headers: { "Accept-Encoding": "gzip" } }, (res) => {
          const parts: Buffer[] = [];
          res.on("data", (part: Buffer) => parts.push(part));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, encoding: res.headers["content-encoding"], text: gunzipSync(Buffer.concat(parts)).toString("utf8") }));
        }).on("error", reject);
      });
      expect(body.status).toBe(200);
      expect(body.encoding).toBe("gzip");
      expect(body.text).toBe(chunks.join(""));
      const bad = await fetch(`http://127.0.0.1:${port}/api/v1/changes.csv?from=nonsense`);
      expect(bad.status).toBe(400);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("caches a settled view for good and keeps its ETag; a view as known now revalidates", async () => {
    const at = encodeURIComponent("2024-11-20T10:00:00+02:00");
    const then = await get(`/api/v1/missions?host=UA&at=${at}&known=then`, () => new Date());
    expect(then.response.headers["Cache-Control"]).toBe(SETTLED_CACHE_CONTROL);
    const db = getDb();
    const us = await db.mission.findFirstOrThrow({ where: { hostCode: "UA", sendingCode: "US" } });
    await db.statusChange.create({
      data: { missionId: us.id, kind: "change", newStatus: "open", previousStatus: "closed", effectiveAt: new Date("2024-11-20T07:30:00Z"), recordedAt: new Date(), authorName: "Late", version: 1000 },
    });
    const again = await get(`/api/v1/missions?host=UA&at=${at}&known=then`, () => new Date());
    expect(again.response.headers.ETag).toBe(then.response.headers.ETag);
    const now = await get(`/api/v1/missions?host=UA&at=${at}`, () => new Date());
    expect(now.response.headers["Cache-Control"]).not.toContain("immutable");
    expect((now.json as ApiMissionList).data.find((row) => row.sendingCountry.code === "US")?.status).toBe("open");
    const csv = await get(`/api/v1/missions.csv?host=UA&at=${at}&known=then`, () => new Date());
    expect(csv.response.headers["Cache-Control"]).toBe(SETTLED_CACHE_CONTROL);
  });

  it("refuses a bad, future or lone moment with 400 naming the field", async () => {
    const cases: [string, string][] = [
      ["/api/v1/missions?at=yesterday", "at"],
      ["/api/v1/missions?at=2024-11-20T10:00", "at"],
      ["/api/v1/missions?at=2099-01-01T00:00:00Z", "at"],
      ["/api/v1/missions?known=then", "known"],
      ["/api/v1/missions?at=2024-11-20T10:00:00Z&known=later", "known"],
      ["/api/v1/changes?from=2024-11-20T10:00:00Z", "to"],
      ["/api/v1/changes?from=2024-11-20T10:00:00Z&to=2024-11-19T10:00:00Z", "to"],
      ["/api/v1/changes?from=2024-11-19T10:00:00Z&to=2024-11-20T10:00:00Z&host=ukraine", "host"],
      ["/api/v1/changes?from=2024-11-19T10:00:00Z&to=2024-11-20T10:00:00Z&colour=red", "colour"],
    ];
    for (const [url, field] of cases) {
      const { response, json } = await get(url, () => new Date());
      expect(response.status, url).toBe(400);
      expect((json as { error: { fields: { field: string }[] } }).error.fields.map((entry) => entry.field), url).toContain(field);
    }
  });
});

describe("every endpoint of one mission, the countries and the feeds at a moment", () => {
  beforeEach(async () => {
    await seed(getDb());
  });

  const BEFORE = encodeURIComponent("2024-11-19T12:00:00+02:00");
  const DURING = encodeURIComponent("2024-11-20T10:00:00+02:00");
  const usSlug = async () => (await getDb().mission.findFirstOrThrow({ where: { hostCode: "UA", sendingCode: "US" } })).slug;
  /** An editor reopens the US embassy today, effective (back-dated) at 09:30 Kyiv time. */
  const correctToday = async () => {
    const us = await getDb().mission.findFirstOrThrow({ where: { hostCode: "UA", sendingCode: "US" } });
    await getDb().statusChange.create({
      data: { missionId: us.id, kind: "change", newStatus: "open", previousStatus: "closed", effectiveAt: new Date("2024-11-20T07:30:00Z"), recordedAt: new Date(), authorName: "Late", version: 1000 },
    });
  };

  it("the mission, its history and its badge show the status of that moment, and the history only what was known by then", async () => {
    const slug = await usSlug();
    const before = await get(`/api/v1/missions/${slug}?at=${BEFORE}`, () => new Date());
    expect(before.response.status).toBe(200);
    expectDocumented("/missions/{slug}", 200, before.json);
    expect(before.json).toMatchObject({ slug, status: "open", upcoming: [] });
    const during = await get(`/api/v1/missions/${slug}?at=${DURING}`, () => new Date());
    expect(during.json).toMatchObject({ status: "closed" });

    const history = await get(`/api/v1/missions/${slug}/history?at=${BEFORE}&limit=1`, () => new Date());
    expectDocumented("/missions/{slug}/history", 200, history.json);
    const page = history.json as { history: { newStatus: string; effectiveAt: string }[]; nextCursor: string | null };
    expect(page.history.map((entry) => entry.newStatus)).toEqual(["open"]);
    expect(page.history.every((entry) => entry.effectiveAt <= "2024-11-19T10:00:00.000Z")).toBe(true);
    const duringHistory = (await get(`/api/v1/missions/${slug}/history?at=${DURING}`, () => new Date())).json as typeof page;
    expect(duringHistory.history[0]?.newStatus).toBe("closed");

    const badge = await get(`/api/v1/missions/${slug}/badge.svg?at=${DURING}`, () => new Date());
    expect(badge.response.headers["Content-Type"]).toContain("image/svg+xml");
    expect(badge.response.body).toContain("Closed");
  });

  it("as known then, every endpoint that takes a moment is cached for good and keeps its ETag after a correction", async () => {
    const slug = await usSlug();
    const urls = [
      `/api/v1/missions?host=UA&at=${DURING}&known=then`,
      `/api/v1/missions.csv?host=UA&at=${DURING}&known=then`,
      `/api/v1/missions/${slug}?at=${DURING}&known=then`,
      `/api/v1/missions/${slug}/history?at=${DURING}&known=then`,
      `/api/v1/missions/${slug}/badge.svg?at=${DURING}&known=then`,
      `/api/v1/countries?at=${DURING}&known=then`,
      `/api/v1/changes.atom?host=UA&at=${DURING}&known=then`,
      `/api/v1/changes.json?host=UA&at=${DURING}&known=then`,
      `/api/v1/changes?from=${BEFORE}&to=${DURING}&host=UA&known=then`,
    ];
    const embed = async () => (await produceEmbedResponse({ db: getDb(), origin: ORIGIN, now: () => new Date() }, new URL(`/embed?host=UA&city=Kyiv&at=${DURING}&known=then`, ORIGIN))).response;
    const firstEmbed = await embed();
    expect(firstEmbed.headers["Cache-Control"]).toBe(SETTLED_CACHE_CONTROL);
    expect(firstEmbed.headers.ETag).toMatch(/^(W\/)?".+"$/);
    const first = await Promise.all(urls.map((url) => get(url, () => new Date())));
    for (const [index, { response }] of first.entries()) {
      expect(response.status, urls[index]).toBe(200);
      expect(response.headers["Cache-Control"], urls[index]).toBe(SETTLED_CACHE_CONTROL);
      expect(response.headers.ETag, urls[index]).toMatch(/^(W\/)?".+"$/);
    }
    await correctToday();
    const again = await Promise.all(urls.map((url) => get(url, () => new Date())));
    for (const [index, { response }] of again.entries()) expect(response.headers.ETag, urls[index]).toBe(first[index]!.response.headers.ETag);
    expect((await embed()).headers.ETag).toBe(firstEmbed.headers.ETag);
    // As known now, the correction shows in the past view, which is therefore not immutable.
    const now = await get(`/api/v1/missions/${slug}?at=${DURING}`, () => new Date());
    expect(now.json).toMatchObject({ status: "open" });
    expect(now.response.headers["Cache-Control"]).not.toContain("immutable");
  });

  it("the countries' counts and the feeds are those of that moment", async () => {
    const countries = await get(`/api/v1/countries?at=${DURING}`, () => new Date());
    expectDocumented("/countries", 200, countries.json);
    const ukraine = (countries.json as { data: { code: string; counts: Record<string, number> }[] }).data.find((country) => country.code === "UA");
    expect(ukraine?.counts).toMatchObject({ closed: 4, limited: 1 });
    const earlier = (await get(`/api/v1/countries?at=${BEFORE}`, () => new Date())).json as typeof countries.json & { data: { code: string; counts: Record<string, number> }[] };
    expect(earlier.data.find((country) => country.code === "UA")?.counts).toMatchObject({ closed: 0, limited: 0 });

    await correctToday();
    const feed = (await get(`/api/v1/changes.json?host=UA&at=${DURING}`, () => new Date())).json as { items: { id: string; content_text: string }[] };
    const today = (await get(`/api/v1/changes.json?host=UA`, () => new Date())).json as typeof feed;
    expect(today.items).toHaveLength(feed.items.length + 1);
    expect(feed.items.every((item) => !item.content_text.includes("Late"))).toBe(true);
    // Each entry says how its mission stood at the moment: the US embassy was closed then (as known then).
    const then = (await get(`/api/v1/changes.json?host=UA&at=${DURING}&known=then`, () => new Date())).json as typeof feed;
    expect(then.items.find((item) => item.content_text.includes("→ Closed"))?.content_text).toContain("Status now: Closed");
    expect((await get(`/api/v1/changes.json?host=UA&at=${BEFORE}&known=then`, () => new Date())).json).toMatchObject({ items: [] });
  });

  it("refuses a bad moment or an unknown parameter on these endpoints with 400 naming it", async () => {
    const slug = await usSlug();
    const cases: [string, string][] = [
      [`/api/v1/missions/${slug}?at=yesterday`, "at"],
      [`/api/v1/missions/${slug}?known=then`, "known"],
      [`/api/v1/missions/${slug}?at=${DURING}&colour=red`, "colour"],
      [`/api/v1/missions/${slug}/history?at=${DURING}&before=nonsense`, "before"],
      [`/api/v1/missions/${slug}/badge.svg?at=2099-01-01T00:00:00Z`, "at"],
      [`/api/v1/countries?at=${DURING}&known=later`, "known"],
      [`/api/v1/changes.atom?known=then`, "known"],
    ];
    for (const [url, field] of cases) {
      const { response, json } = await get(url, () => new Date());
      expect(response.status, url).toBe(400);
      expect((json as { error: { fields: { field: string }[] } }).error.fields.map((entry) => entry.field), url).toContain(field);
    }
    const missing = await get(`/api/v1/missions/no-such-mission?at=${DURING}`, () => new Date());
    expect(missing.response.status).toBe(404);
  });
});
