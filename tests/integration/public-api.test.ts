// The public API end to end against a real database: documented shapes (validated against the
// generated OpenAPI document), errors, pagination, ETags and cache invalidation by real writes.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { produceApiResponse } from "@/lib/api/handlers";
import { getDb } from "@/lib/db/client";
import { announceDataChange, onDataChange, type DataChange } from "@/lib/events/data-changed";
import { listenForDataChanges, startCrossInstanceInvalidation } from "@/lib/events/pg-channel";
import { cachedHotResponse, handleHotRequest } from "@/lib/http/hot-paths";
import { conditional } from "@/lib/http/response";
import { ResponseCache } from "@/lib/http/response-cache";
import { getResponseCache } from "@/lib/http/process-cache";
import { JOB_HANDLERS } from "@/lib/jobs/registry";
import { runDueJobs } from "@/lib/jobs/run";
import { recordStatusChange } from "@/lib/missions/status-commands";
import type { Status } from "@/lib/status/schema";
import { createMission, EDITOR } from "../factories";
import { ajv, expectDocumented } from "../openapi-contract";

const ORIGIN = "http://chancery.test";

async function get(pathAndQuery: string) {
  const { response, tags } = await produceApiResponse({ db: getDb(), origin: ORIGIN }, new URL(pathAndQuery, ORIGIN));
  const json = response.headers["Content-Type"]?.includes("json") ? JSON.parse(response.body) : undefined;
  return { response, tags, json };
}

async function report(missionId: number, status: Status, reason: string | null, extra: { eventId?: number; effectiveAt?: Date } = {}) {
  const db = getDb();
  const mission = await db.mission.findUniqueOrThrow({ where: { id: missionId } });
  await db.$transaction((tx) =>
    recordStatusChange(tx, {
      missionId,
      status,
      reason,
      sourceUrl: "https://example.org/report",
      sourceTitle: "Report",
      effectiveAt: extra.effectiveAt ?? new Date(),
      expectedVersion: mission.version,
      author: EDITOR,
      eventId: extra.eventId,
    }),
  );
  await announceDataChange({ missionIds: [missionId], hostCodes: [mission.hostCode], sendingCodes: [mission.sendingCode] });
}

async function seed() {
  const db = getDb();
  const us = await createMission(db, { sendingCode: "US" });
  const de = await createMission(db, { sendingCode: "DE" });
  const gb = await createMission(db, { sendingCode: "GB", city: "Lviv" });
  const fr = await createMission(db, { sendingCode: "FR", hostCode: "PL", city: "Warsaw", timeZone: "Europe/Warsaw" });
  const event = await db.event.create({ data: { slug: "alert", name: "Alert", occurredAt: new Date("2024-11-20T07:00:00Z") } });
  await report(us.id, "closed", "Air-attack warning", { eventId: event.id, effectiveAt: new Date("2024-11-20T07:00:00Z") });
  await report(de.id, "limited", null, { eventId: event.id, effectiveAt: new Date("2024-11-20T07:00:00Z") });
  return { us, de, gb, fr };
}

beforeEach(() => getResponseCache().clear());

afterAll(async () => {
  await (globalThis as { chanceryPgListener?: { stop: () => Promise<void> } }).chanceryPgListener?.stop();
});

describe("documented shapes", () => {
  it("uses a validator that rejects undocumented shapes", () => {
    const validate = ajv.getSchema(`openapi#/paths/~1missions~1{slug}/get/responses/200/content/application~1json/schema`);
    expect(validate?.({ slug: "x" })).toBe(false);
    expect(validate?.errors?.[0]?.message).toMatch(/required/);
  });

  it("answers every JSON endpoint in the shape the OpenAPI document gives", async () => {
    const { us } = await seed();
    const list = await get("/api/v1/missions?host=UA");
    expect(list.response.status).toBe(200);
    expectDocumented("/missions", 200, list.json);
    expect(list.json.matching).toBe(3);
    expect(list.json.totals).toEqual({ open: 0, limited: 1, closed: 1, unreported: 1 });
    expect(list.json.data.find((m: { slug: string }) => m.slug === us.slug)).toMatchObject({ status: "closed", statusReason: "Air-attack warning", sourceUrl: "https://example.org/report" });

    const mission = await get(`/api/v1/missions/${us.slug}`);
    expectDocumented("/missions/{slug}", 200, mission.json);
    expect(mission.json.statusSince).toBe("2024-11-20T07:00:00.000Z");

    const history = await get(`/api/v1/missions/${us.slug}/history`);
    expectDocumented("/missions/{slug}/history", 200, history.json);
    expect(history.json.history).toHaveLength(1);
    expect(history.json.history[0].event).toEqual({ slug: "alert", name: "Alert" });

    const events = await get("/api/v1/events");
    expectDocumented("/events", 200, events.json);
    expect(events.json.data[0].changes).toHaveLength(2);
    expectDocumented("/events/{slug}", 200, (await get("/api/v1/events/alert")).json);

    const countries = await get("/api/v1/countries");
    expectDocumented("/countries", 200, countries.json);
    expect(countries.json.data.map((c: { code: string; missions: number }) => [c.code, c.missions])).toEqual([
      ["PL", 1],
      ["UA", 3],
    ]);

    const atom = await get("/api/v1/changes.atom?host=UA&sending=US");
    expect(atom.response.headers["Content-Type"]).toBe("application/atom+xml; charset=utf-8");
    const parsedAtom = new XMLParser({ ignoreAttributes: false }).parse(atom.response.body);
    expect(parsedAtom.feed.entry.title["#text"]).toBe("United States of America embassy in Kyiv: first reported Closed");
    expect(atom.tags).toEqual(["host:UA"]);

    const feed = await get("/api/v1/changes.json?host=UA");
    expectDocumented("/changes.json", 200, feed.json, "application/feed+json");
    expect(feed.json.items).toHaveLength(2);
  });

  it("documents a status that ended by itself and the upcoming scheduled changes", async () => {
    const db = getDb();
    const mission = await createMission(db, { sendingCode: "US" });
    await db.$transaction(async (tx) => {
      await recordStatusChange(tx, { missionId: mission.id, status: "open", reason: null, sourceUrl: "https://example.org/a", sourceTitle: null, effectiveAt: new Date("2024-11-19T07:00:00Z"), author: EDITOR });
      await recordStatusChange(tx, { missionId: mission.id, status: "closed", reason: "For the day", sourceUrl: "https://example.org/b", sourceTitle: null, effectiveAt: new Date("2024-11-20T07:00:00Z"), until: new Date("2024-11-20T22:00:00Z"), author: EDITOR });
    });
    await runDueJobs(db, JOB_HANDLERS);
    await db.scheduledChange.create({
      data: { missionId: mission.id, status: "closed", reason: "Holiday", sourceUrl: "https://example.org/notice", effectiveAt: new Date("2099-12-24T00:00:00Z"), until: new Date("2099-12-27T00:00:00Z"), follows: "previous", createdBy: "Editor" },
    });
    const detail = await get(`/api/v1/missions/${mission.slug}`);
    expectDocumented("/missions/{slug}", 200, detail.json);
    expect(detail.json).toMatchObject({ status: "open", verifiedAt: null, expectedAfter: "closed", statusUntil: null, statusSince: "2024-11-20T22:00:00.000Z" });
    expect(detail.json.upcoming).toEqual([
      { status: "closed", effectiveAt: "2099-12-24T00:00:00.000Z", until: "2099-12-27T00:00:00.000Z", follows: "previous", reason: "Holiday", sourceUrl: "https://example.org/notice", sourceTitle: null },
    ]);
    const history = await get(`/api/v1/missions/${mission.slug}/history`);
    expectDocumented("/missions/{slug}/history", 200, history.json);
    const [expiry, closure] = history.json.history;
    expect(closure).toMatchObject({ kind: "change", newStatus: "closed", until: "2024-11-20T22:00:00.000Z", follows: "open" });
    expect(expiry).toMatchObject({ kind: "expiry", previousStatus: "closed", newStatus: "open", effectiveAt: "2024-11-20T22:00:00.000Z", endsChangeId: closure.id, sourceUrl: null });
    const atom = new XMLParser({ ignoreAttributes: false }).parse((await get("/api/v1/changes.atom?sending=US")).response.body);
    expect(atom.feed.entry[0].title["#text"]).toBe("United States of America embassy in Kyiv: the closure ended; Open expected, not confirmed");
  });

  it("answers bad parameters with 400 naming them and unknown ids with 404", async () => {
    for (const [query, parameter] of [
      ["host=UKR", "host"],
      ["status=shut", "status"],
      ["limit=0", "limit"],
      ["changed_since=yesterday", "changed_since"],
      ["cursor=abc", "cursor"],
      ["colour=red", "colour"],
    ]) {
      const { response, json } = await get(`/api/v1/missions?${query}`);
      expect(response.status, query).toBe(400);
      expectDocumented("/missions", 400, json);
      expect(json.error.fields.map((p: { field: string }) => p.field)).toContain(parameter);
    }
    expect((await get("/api/v1/changes.atom?host=nowhere")).json.error.fields[0].field).toBe("host");
    for (const path of ["/api/v1/missions/nope", "/api/v1/missions/nope/history", "/api/v1/events/nope", "/api/v1/nothing"]) {
      const { response, json } = await get(path);
      expect(response.status, path).toBe(404);
      expect(json.error.message).toMatch(/not found/);
    }
    expectDocumented("/missions/{slug}", 404, (await get("/api/v1/missions/nope")).json);
  });
});

describe("missions list", () => {
  it("pages with cursors through the same stable order", async () => {
    const db = getDb();
    for (const code of ["AT", "BE", "CZ", "DK", "EE", "FI", "HU"]) await createMission(db, { sendingCode: code });
    const all = (await get("/api/v1/missions?host=UA&sort=status&limit=500")).json.data.map((m: { slug: string }) => m.slug);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { data: Array<{ slug: string }>; nextCursor: string | null } } = await get(
        `/api/v1/missions?host=UA&sort=status&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      paged.push(...page.json.data.map((m) => m.slug));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all).toHaveLength(7);
  });

  it("filters by changed_since, sending country and status", async () => {
    const { us, de } = await seed();
    // Just after the seed's last write, and the clock moved past it before the next write.
    const latest = await getDb().mission.aggregate({ _max: { updatedAt: true } });
    const since = new Date((latest._max.updatedAt?.getTime() ?? 0) + 1);
    await expect.poll(() => Date.now() > since.getTime(), { interval: 1 }).toBe(true);
    await report(de.id, "open", "Reopened");
    const changed = await get(`/api/v1/missions?changed_since=${since.toISOString()}`);
    expect(changed.json.data.map((m: { slug: string }) => m.slug)).toEqual([de.slug]);
    const bySending = await get("/api/v1/missions?sending=us,gb&status=closed");
    expect(bySending.json.data.map((m: { slug: string }) => m.slug)).toEqual([us.slug]);
    expect(bySending.tags).toEqual(["sending:US", "sending:GB"]);
  });

  it("writes CSV with the same query", async () => {
    await seed();
    const { response } = await get("/api/v1/missions.csv?host=UA&status=closed");
    expect(response.headers["Content-Type"]).toMatch(/^text\/csv/);
    const lines = response.body.trim().split("\r\n");
    expect(lines[0]?.split(",").slice(0, 3)).toEqual(["slug", "sending_code", "sending_name"]);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Air-attack warning");
  });
});

describe("HTTP caching", () => {
  it("round-trips ETags to 304 and changes the ETag when the data changes", async () => {
    const { us } = await seed();
    const url = new URL("/api/v1/missions?host=UA", ORIGIN);
    const first = await cachedHotResponse(getDb, "chancery.test", url);
    const etag = first.response.headers.ETag;
    expect(first.response.headers["Cache-Control"]).toMatch(/s-maxage=2, stale-while-revalidate=2/);
    expect(first.response.headers["Access-Control-Allow-Origin"]).toBe("*");
    expect(conditional(first.response, etag).status).toBe(304);

    await report(us.id, "open", "Reopened");
    const second = await cachedHotResponse(getDb, "chancery.test", url);
    expect(second.response.headers.ETag).not.toBe(etag);
    expect(conditional(second.response, etag).status).toBe(200);
    expect(JSON.parse(second.response.body).totals.open).toBe(1);
  });

  it("answers the same through the Next route handler adapter (used by next dev)", async () => {
    await seed();
    const first = await handleHotRequest(new Request(`${ORIGIN}/api/v1/countries`), getDb);
    expect(first.status).toBe(200);
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    const etag = first.headers.get("etag") ?? "";
    const again = await handleHotRequest(new Request(`${ORIGIN}/api/v1/countries`, { headers: { "If-None-Match": etag } }), getDb);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await handleHotRequest(new Request(`${ORIGIN}/api/v1/countries`, { method: "OPTIONS" }), getDb)).status).toBe(204);
    expect((await handleHotRequest(new Request(`${ORIGIN}/api/v1/countries`, { method: "DELETE" }), getDb)).status).toBe(405);
    const embed = await handleHotRequest(new Request(`${ORIGIN}/embed?host=UA&theme=dark`), getDb);
    expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(embed.headers.get("x-frame-options")).toBeNull();
    expect(await embed.text()).toContain('data-theme="dark"');
  });

  it("answers an embed of a country that does not exist with a 404 page naming host, and of one without missions with an empty table", async () => {
    await seed();
    const unknown = await handleHotRequest(new Request(`${ORIGIN}/embed?host=ZZ`), getDb);
    expect(unknown.status).toBe(404);
    const page = await unknown.text();
    expect(page).toContain("<code>host</code>");
    expect(page).toContain("ZZ");
    await getDb().country.upsert({ where: { code: "IS" }, create: { code: "IS", name: "Iceland" }, update: {} });
    const empty = await handleHotRequest(new Request(`${ORIGIN}/embed?host=IS`), getDb);
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain("<tbody>");
  });

  it("a write drops exactly the cached responses that show what it changed", async () => {
    const { us, fr } = await seed();
    const cached = (path: string) => cachedHotResponse(getDb, "chancery.test", new URL(path, ORIGIN));
    const ukraine = await cached("/api/v1/missions?host=UA");
    const poland = await cached("/api/v1/missions?host=PL");
    const usDetail = await cached(`/api/v1/missions/${us.slug}`);
    const frDetail = await cached(`/api/v1/missions/${fr.slug}`);
    const embed = await cached("/embed?host=UA");

    await report(us.id, "open", "Reopened after the warning");

    expect(await cached("/api/v1/missions?host=PL")).toBe(poland);
    expect(await cached(`/api/v1/missions/${fr.slug}`)).toBe(frDetail);
    const ukraineAfter = await cached("/api/v1/missions?host=UA");
    expect(ukraineAfter).not.toBe(ukraine);
    expect(JSON.parse(ukraineAfter.response.body).data.find((m: { slug: string }) => m.slug === us.slug).status).toBe("open");
    expect(JSON.parse((await cached(`/api/v1/missions/${us.slug}`)).response.body).statusReason).toBe("Reopened after the warning");
    expect(usDetail.response.body).toContain("Air-attack warning");
    const embedAfter = await cached("/embed?host=UA");
    expect(embedAfter).not.toBe(embed);
    expect(embedAfter.response.body).toContain("✓</span> Open");
  });
});

describe.runIf(process.env.TEST_DB_PROVIDER === "postgres")("across instances (PostgreSQL LISTEN/NOTIFY)", () => {
  it("every listening instance hears a write and drops its cached copy", async () => {
    const { us } = await seed();
    const url = process.env.DATABASE_URL ?? "";
    // Two more "instances": each with its own cache, fed only through PostgreSQL.
    const instances = [new ResponseCache({ maxAgeMs: 60_000 }), new ResponseCache({ maxAgeMs: 60_000 })];
    const heard: DataChange[][] = [[], []];
    const listeners = instances.map((cache, index) =>
      listenForDataChanges(url, (change) => {
        heard[index]?.push(change);
        cache.invalidate(change);
      }),
    );
    try {
      await Promise.all(listeners.map((listener) => listener.ready));
      for (const cache of instances) {
        await cache.get("ua", () => produceApiResponse({ db: getDb(), origin: ORIGIN }, new URL("/api/v1/missions?host=UA", ORIGIN)));
        await cache.get("pl", () => produceApiResponse({ db: getDb(), origin: ORIGIN }, new URL("/api/v1/missions?host=PL", ORIGIN)));
      }
      await report(us.id, "open", "Reopened");
      await expect.poll(() => heard.map((changes) => changes.length), { timeout: 3000 }).toEqual([1, 1]);
      expect(heard[0]?.[0]).toMatchObject({ missionIds: [us.id], hostCodes: ["UA"], sendingCodes: ["US"] });
      for (const cache of instances) {
        expect(cache.peek("ua")).toBeUndefined();
        expect(cache.peek("pl")).toBeDefined();
      }
    } finally {
      await Promise.all(listeners.map((listener) => listener.stop()));
    }
  });

  it("a write from another process reaches this process's listeners and drops the cached copy", async () => {
    const { us, fr } = await seed();
    const url = process.env.DATABASE_URL ?? "";
    await startCrossInstanceInvalidation(url).ready;
    // A cache that never expires on its own, fed by this process's real onDataChange wiring.
    const cache = new ResponseCache({ maxAgeMs: 10 * 60_000 });
    const unsubscribe = onDataChange((change) => cache.invalidate(change));
    try {
      const produce = (path: string) => () => produceApiResponse({ db: getDb(), origin: ORIGIN }, new URL(path, ORIGIN));
      const before = await cache.get("us", produce(`/api/v1/missions/${us.slug}`));
      await cache.get("fr", produce(`/api/v1/missions/${fr.slug}`));
      expect(JSON.parse(before.response.body).status).toBe("closed");
      // The e2e writer: recordStatusChange + announceDataChange in a separate Node process.
      await promisify(execFile)("node_modules/.bin/tsx", ["tests/e2e/support/record-status.ts", us.slug, "open", "Reopened elsewhere"], {
        env: { ...process.env, DATABASE_URL: url },
      });
      await expect.poll(() => cache.peek("us"), { timeout: 3000, interval: 50 }).toBeUndefined();
      expect(cache.peek("fr")).toBeDefined();
      expect(JSON.parse((await cache.get("us", produce(`/api/v1/missions/${us.slug}`))).response.body).status).toBe("open");
    } finally {
      unsubscribe();
    }
  });
});
