// Freshness end to end on a real database, with an injected clock: the API's `freshness`
// fields and words, CSV, feeds, the confirmed-only filter, the home counts, and the admin's
// per-host policy (validated, audited, announced).
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser } from "fast-xml-parser";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as policyRoute from "@/app/api/admin/freshness/[code]/route";
import * as policyList from "@/app/api/admin/freshness/route";
import { produceApiResponse } from "@/lib/api/handlers";
import { loadHostSummaries } from "@/lib/countries/host-summaries";
import { getDb } from "@/lib/db/client";
import { produceEmbedResponse } from "@/lib/embed/render";
import { onDataChange, type DataChange } from "@/lib/events/data-changed";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { freshnessOf, isConfirmed } from "@/lib/status/freshness";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import type { Status } from "@/lib/status/schema";
import { createMission, EDITOR } from "../factories";
import { call, createUserWithSession, snapshotDatabase } from "../http";
import { expectDocumented } from "../openapi-contract";

const ORIGIN = "http://chancery.test";
const NOW = new Date("2026-12-01T10:00:00Z"); // 12:00 in Kyiv
const HOUR = 3600_000;
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

async function get(pathAndQuery: string, now = NOW) {
  const { response } = await produceApiResponse({ db: getDb(), origin: ORIGIN, now: () => now }, new URL(pathAndQuery, ORIGIN));
  const json = response.headers["Content-Type"]?.includes("json") ? JSON.parse(response.body) : undefined;
  return { response, json };
}

/** A report whose source was read `at` (so the mission is verified then). */
async function reportAt(missionId: number, status: Status, at: Date) {
  const db = getDb();
  const mission = await db.mission.findUniqueOrThrow({ where: { id: missionId } });
  await db.$transaction((tx) =>
    recordStatusChange(tx, {
      missionId,
      status,
      reason: `Reported ${status}`,
      sourceUrl: "https://example.org/report",
      sourceTitle: "Report",
      effectiveAt: at,
      recordedAt: at,
      expectedVersion: mission.version,
      author: EDITOR,
    }),
  );
}

/** US closed 2 h ago (fresh), DE limited 20 h ago (due), IT closed 2 years ago (stale), GB open, expected after a closure, FR never reported. */
async function kyiv() {
  const db = getDb();
  const us = await createMission(db, { sendingCode: "US" });
  const de = await createMission(db, { sendingCode: "DE" });
  const it = await createMission(db, { sendingCode: "IT" });
  const gb = await createMission(db, { sendingCode: "GB" });
  const fr = await createMission(db, { sendingCode: "FR" });
  await reportAt(us.id, "closed", hoursAgo(2));
  await reportAt(de.id, "limited", hoursAgo(20));
  await reportAt(it.id, "closed", new Date("2024-11-20T07:00:00Z"));
  await reportAt(gb.id, "closed", hoursAgo(30));
  // What the schedule leaves when a closure ends (written by the engine; set directly here).
  await db.mission.update({ where: { id: gb.id }, data: { status: "open", statusSince: hoursAgo(6), verifiedAt: null, expectedAfter: "closed" } });
  await db.mission.update({ where: { id: us.id }, data: { statusUntil: new Date("2026-12-01T16:00:00Z"), statusFollows: "open" } });
  return { us, de, it, gb, fr };
}

const bySlug = (list: Array<{ slug: string }>) => Object.fromEntries(list.map((mission) => [mission.slug, mission])) as Record<string, Record<string, unknown>>;

describe("the API says how fresh every status is", () => {
  it("gives freshness, verifiedAt and the words on every mission, in the documented shape", async () => {
    const { us, de, it: italy, gb, fr } = await kyiv();
    const list = await get("/api/v1/missions?host=UA");
    expectDocumented("/missions", 200, list.json);
    const missions = bySlug(list.json.data);
    expect(missions[us.slug]).toMatchObject({
      status: "closed",
      freshness: "fresh",
      verifiedAt: hoursAgo(2).toISOString(),
      statusUntil: "2026-12-01T16:00:00.000Z",
      statusFollows: "open",
      statusText: "Closed until 18:00 EET (16:00 UTC) · confirmed at 10:00 EET (08:00 UTC)",
    });
    expect(missions[de.slug]).toMatchObject({ freshness: "due", statusText: "Limited · last confirmed 30 Nov 2026, 16:00 EET (14:00 UTC), due for a new check" });
    expect(missions[italy.slug]).toMatchObject({ freshness: "stale", statusText: "Closed · not confirmed since 20 Nov 2024" });
    expect(missions[gb.slug]).toMatchObject({
      status: "open",
      freshness: "unconfirmed",
      verifiedAt: null,
      expectedAfter: "closed",
      statusText: "Open · expected after the closure ended at 06:00 EET (04:00 UTC), not confirmed",
    });
    expect(missions[fr.slug]).toMatchObject({ status: null, freshness: null, statusText: "Not reported" });

    const detail = await get(`/api/v1/missions/${italy.slug}`);
    expectDocumented("/missions/{slug}", 200, detail.json);
    expect(detail.json).toMatchObject({ freshness: "stale", verifiedAt: "2024-11-20T07:00:00.000Z" });
    const history = await get(`/api/v1/missions/${italy.slug}/history`);
    expectDocumented("/missions/{slug}/history", 200, history.json);
    expect(history.json.mission.freshness).toBe("stale");

    const badge = await get(`/api/v1/missions/${italy.slug}/badge.svg`);
    expect(badge.response.body).toContain("✕ Closed · not confirmed since 20 Nov 2024");
  });

  it("moves with the clock: the same row is fresh, then due, then stale", async () => {
    const { us } = await kyiv();
    const at = (hours: number) => get(`/api/v1/missions/${us.slug}`, new Date(NOW.getTime() + hours * HOUR)).then((r) => r.json.freshness);
    expect([await at(0), await at(17), await at(22)]).toEqual(["fresh", "due", "stale"]);
  });

  it("writes freshness and the words into the CSV", async () => {
    const { it: italy, gb } = await kyiv();
    const { response } = await get("/api/v1/missions.csv?host=UA");
    const records = parseCsv(response.body, { columns: true }) as Array<Record<string, string>>;
    const cells = (slug: string) => records.find((record) => record.slug === slug);
    expect(cells(italy.slug)).toMatchObject({ freshness: "stale", status_text: "Closed · not confirmed since 20 Nov 2024", verified_at: "2024-11-20T07:00:00.000Z" });
    expect(cells(gb.slug)).toMatchObject({
      freshness: "unconfirmed",
      expected_after: "closed",
      verified_at: "",
      status_text: "Open · expected after the closure ended at 06:00 EET (04:00 UTC), not confirmed",
    });
  });

  it("says in both feeds how each mission stands now", async () => {
    const { it: italy } = await kyiv();
    const atom = await get("/api/v1/changes.atom?sending=IT");
    const entry = new XMLParser({ ignoreAttributes: false }).parse(atom.response.body).feed.entry;
    expect(entry.title["#text"]).toBe("Italy embassy in Kyiv: first reported Closed");
    expect(entry.content["#text"]).toContain("Status now: Closed · not confirmed since 20 Nov 2024.");
    const feed = await get("/api/v1/changes.json?sending=IT");
    expectDocumented("/changes.json", 200, feed.json, "application/feed+json");
    expect(feed.json.items[0]._chancery).toEqual({ status: "closed", freshness: "stale", verifiedAt: "2024-11-20T07:00:00.000Z", statusText: "Closed · not confirmed since 20 Nov 2024" });
    expect(feed.json.items[0].url).toContain(italy.slug);
  });

  it("filters to confirmed statuses with confirmed=1 (fresh and due), totals included, and names a bad value", async () => {
    const { us, de } = await kyiv();
    const confirmed = await get("/api/v1/missions?host=UA&confirmed=1");
    expect(confirmed.json.data.map((mission: { slug: string }) => mission.slug).sort()).toEqual([us.slug, de.slug].sort());
    expect(confirmed.json.totals).toEqual({ open: 0, limited: 1, closed: 1, unreported: 0 });
    expect((await get("/api/v1/missions?host=UA&confirmed=0")).json.data).toHaveLength(5);
    const csv = await get("/api/v1/missions.csv?host=UA&confirmed=1");
    expect(csv.response.body.trim().split("\r\n")).toHaveLength(3);
    const bad = await get("/api/v1/missions?confirmed=yes");
    expect(bad.response.status).toBe(400);
    expect(bad.json.error.fields).toEqual([{ field: "confirmed", message: expect.any(String) }]);
  });

  it("the embed says it in plain HTML, and honours confirmed=1", async () => {
    await kyiv();
    const embed = (query: string) => produceEmbedResponse({ db: getDb(), origin: ORIGIN, now: () => NOW }, new URL(`/embed?${query}`, ORIGIN)).then((r) => r.response.body);
    const html = await embed("host=UA");
    expect(html).toContain('<span class="f">Not confirmed since 20 Nov 2024</span>');
    expect(html).toContain('<span class="f">Expected after the closure ended at 06:00 EET (04:00 UTC), not confirmed</span>');
    expect(html).toContain("Closed until 18:00 EET (16:00 UTC)");
    expect(html).toContain("(2 of 4 statuses confirmed recently)");
    expect((await embed("host=UA&confirmed=1")).match(/<th scope="row">/g)).toHaveLength(2);
  });
});

describe("counts per host, confirmed apart", () => {
  it("splits every reported status into confirmed and unconfirmed", async () => {
    await kyiv();
    const countries = await get("/api/v1/countries");
    expectDocumented("/countries", 200, countries.json);
    expect(countries.json.data).toEqual([
      {
        code: "UA",
        name: "Ukraine",
        missions: 5,
        counts: { open: 1, limited: 1, closed: 2, unreported: 1 },
        confirmed: { open: 0, limited: 1, closed: 1, unreported: 0 },
        unconfirmed: { open: 1, limited: 0, closed: 1, unreported: 0 },
      },
    ]);
  });

  it("the database count agrees with freshnessOf for any ages and per-host policies", async () => {
    const db = getDb();
    const hosts = ["UA", "PL"] as const;
    const missions: Array<{ id: number; hostCode: string }> = [];
    for (const hostCode of hosts) for (const sendingCode of ["US", "DE", "IT", "GB"]) missions.push(await createMission(db, { hostCode, sendingCode }));
    const statuses = ["open", "limited", "closed"] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...statuses), fc.integer({ min: 0, max: 1000 })), { minLength: missions.length, maxLength: missions.length }),
        fc.option(fc.record({ closed: fc.integer({ min: 1, max: 48 }), limited: fc.integer({ min: 1, max: 48 }), open: fc.option(fc.integer({ min: 1, max: 1000 })) }), { nil: undefined }),
        async (reports, ukraine) => {
          await db.freshnessPolicy.deleteMany();
          if (ukraine) {
            await db.freshnessPolicy.create({ data: { hostCode: "UA", closedStaleHours: ukraine.closed, limitedStaleHours: ukraine.limited, openStaleHours: ukraine.open, inCrisis: true } });
          }
          for (const [index, [status, age]] of reports.entries()) {
            await db.mission.update({ where: { id: missions[index]!.id }, data: { status, verifiedAt: hoursAgo(age), expectedAfter: null } });
          }
          const context = await loadFreshnessContext(db, NOW);
          const summaries = await loadHostSummaries(db, context);
          for (const host of hosts) {
            const expected = { open: 0, limited: 0, closed: 0, unreported: 0 };
            missions.forEach((mission, index) => {
              const [status, age] = reports[index]!;
              if (mission.hostCode === host && isConfirmed(freshnessOf({ status, verifiedAt: hoursAgo(age), expectedAfter: null }, context.policyFor(host), NOW))) expected[status]++;
            });
            expect(summaries.find((summary) => summary.code === host)?.confirmed).toEqual(expected);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe("the admin's freshness policy per host", () => {
  const crisis = { closedStaleHours: 12, limitedStaleHours: null, openStaleHours: 72, inCrisis: true };

  it("sets a host's policy: audited, announced, and every view judges by it", async () => {
    const db = getDb();
    const { us } = await kyiv();
    const { token } = await createUserWithSession(db, { role: "admin" });
    const later = new Date(NOW.getTime() + 17 * HOUR); // 19 h after the report
    expect((await get(`/api/v1/missions/${us.slug}`, later)).json.freshness).toBe("due");
    const heard: DataChange[] = [];
    const stop = onDataChange((change) => heard.push(change));
    const saved = await call(policyRoute.PUT, { method: "PUT", token, params: { code: "ua" }, body: crisis });
    stop();
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json.policy).toEqual({ hostCode: "UA", ...crisis });
    expect(heard[0]?.hostCodes).toEqual(["UA"]);
    expect(heard[0]?.missionIds).toContain(us.id);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityType: "freshness-policy" } });
    expect(audit).toMatchObject({ action: "freshness-policy.set", entityId: "UA", before: null });
    expect(JSON.parse(audit.after!)).toMatchObject(crisis);
    // Closed statuses in Ukraine now turn stale after 12 h.
    expect((await get(`/api/v1/missions/${us.slug}`, later)).json.freshness).toBe("stale");

    const listed = await call(policyList.GET, { method: "GET", token });
    expect(listed.json.policies).toEqual([{ hostCode: "UA", hostName: "Ukraine", missions: 5, ...crisis }]);
  });

  it("refuses bad input with the field named, an unknown country with 404, and writes nothing", async () => {
    const db = getDb();
    await kyiv();
    const { token } = await createUserWithSession(db, { role: "admin" });
    const before = await snapshotDatabase(db);
    for (const [body, field] of [
      [{ ...crisis, closedStaleHours: 0 }, "closedStaleHours"],
      [{ ...crisis, openStaleHours: 1.5 }, "openStaleHours"],
      [{ ...crisis, limitedStaleHours: 9000 }, "limitedStaleHours"],
      [{ ...crisis, inCrisis: "yes" }, "inCrisis"],
      [{ closedStaleHours: 12 }, "limitedStaleHours"],
    ] as const) {
      const response = await call(policyRoute.PUT, { method: "PUT", token, params: { code: "UA" }, body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((response.error?.fields ?? []).map((error) => error.field)).toContain(field);
    }
    expect((await call(policyRoute.PUT, { method: "PUT", token, params: { code: "Ukraine" }, body: crisis })).status).toBe(422);
    expect((await call(policyRoute.PUT, { method: "PUT", token, params: { code: "QQ" }, body: crisis })).status).toBe(404);
    expect((await call(policyRoute.PUT, { method: "PUT", token, params: { code: "UA" }, rawBody: "{", headers: { "content-type": "application/json" } })).status).toBe(400);
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("is for admins only: editors get 403 on reading and writing", async () => {
    const db = getDb();
    const { token } = await createUserWithSession(db, { role: "editor" });
    expect((await call(policyList.GET, { method: "GET", token })).status).toBe(403);
    expect((await call(policyRoute.PUT, { method: "PUT", token, params: { code: "UA" }, body: crisis })).status).toBe(403);
  });
});
