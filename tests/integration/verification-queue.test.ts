// The verification queue on a real database: what it lists and in which order, editors'
// host scope, progress, and the bulk re-verification of a city as one event.
import { describe, expect, it } from "vitest";
import * as verifyMission from "@/app/api/admin/missions/[id]/verify/route";
import * as queueRoute from "@/app/api/admin/verify/route";
import { getDb } from "@/lib/db/client";
import { recordStatusChange } from "@/lib/missions/status-commands";
import type { Status } from "@/lib/status/schema";
import { loadVerificationQueue } from "@/lib/verification/queue";
import type { VerificationQueue } from "@/lib/verification/types";
import { createMission, EDITOR } from "../factories";
import { call, createUserWithSession, snapshotDatabase } from "../http";

const NOW = new Date("2026-12-01T10:00:00Z");
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3600_000);

async function reportAt(missionId: number, status: Status, at: Date) {
  const db = getDb();
  const { version } = await db.mission.findUniqueOrThrow({ where: { id: missionId } });
  await db.$transaction((tx) =>
    recordStatusChange(tx, { missionId, status, reason: `Reported ${status}`, sourceUrl: "https://example.org/r", sourceTitle: null, effectiveAt: at, recordedAt: at, expectedVersion: version, author: EDITOR }),
  );
}

async function missionsIn(hostCode: string, city: string, timeZone: string, reports: Array<[sending: string, status: Status | null, ageHours: number]>) {
  const db = getDb();
  const created: Record<string, number> = {};
  for (const [sendingCode, status, age] of reports) {
    const mission = await createMission(db, { sendingCode, hostCode, city, timeZone });
    if (status) await reportAt(mission.id, status, hoursAgo(age));
    created[sendingCode] = mission.id;
  }
  return created;
}

const names = (queue: VerificationQueue) => queue.items.map((item) => `${item.hostCode}:${item.sendingCode}`);

describe("the verification queue", () => {
  it("lists due, stale and unconfirmed statuses in order: closed/limited, then crisis hosts, then the longest unconfirmed", async () => {
    const db = getDb();
    const ua = await missionsIn("UA", "Kyiv", "Europe/Kyiv", [
      ["US", "closed", 2], // fresh: not listed
      ["IT", "closed", 17787], // stale: 20 Nov 2024, 07:00 UTC
      ["DE", "limited", 20], // due
      ["GB", "open", 1000], // stale
      ["JP", "open", 24 * 25], // due (open: 30 days, due from 22.5)
      ["CA", "open", 24 * 10], // fresh
      ["FR", null, 0], // never reported: not listed
    ]);
    await missionsIn("PL", "Warsaw", "Europe/Warsaw", [
      ["US", "closed", 30000], // stale, older than Kyiv's IT
      ["DE", "open", 5000], // stale
    ]);
    // The schedule applied "open" after a closure ended; no source has confirmed it.
    const expected = await createMission(db, { sendingCode: "ES" });
    await db.mission.update({ where: { id: expected.id }, data: { status: "open", statusSince: hoursAgo(1), expectedAfter: "closed" } });
    await db.freshnessPolicy.create({ data: { hostCode: "UA", inCrisis: true } });

    const queue = await loadVerificationQueue(db, null, NOW);
    expect(names(queue)).toEqual(["UA:IT", "UA:DE", "PL:US", "UA:ES", "UA:GB", "UA:JP", "PL:DE"]);
    expect(queue.items.find((item) => item.id === ua.IT)).toMatchObject({ freshness: "stale", inCrisis: true, statusText: "Closed · not confirmed since 20 Nov 2024" });
    expect(queue.items.find((item) => item.id === ua.DE)?.freshness).toBe("due");
    expect(queue.items.find((item) => item.id === expected.id)).toMatchObject({ freshness: "unconfirmed", verifiedAt: null });
    // Of the missions in scope, only Kyiv's US was confirmed today (CA ten days ago).
    expect(queue.progress).toEqual({ checkedToday: 1, total: 8 });

    // Without the crisis mark, Warsaw's older closure comes first.
    await db.freshnessPolicy.deleteMany();
    expect(names(await loadVerificationQueue(db, null, NOW)).slice(0, 3)).toEqual(["PL:US", "UA:IT", "UA:DE"]);
  });

  it("shows an editor only the host countries in their scope, through the route", async () => {
    const db = getDb();
    await missionsIn("UA", "Kyiv", "Europe/Kyiv", [["IT", "closed", 20000]]);
    await missionsIn("PL", "Warsaw", "Europe/Warsaw", [["US", "closed", 20000]]);
    const scoped = await createUserWithSession(db, { hostScope: "PL" });
    const everyone = await createUserWithSession(db, { role: "admin" });
    const mine = await call(queueRoute.GET, { method: "GET", token: scoped.token });
    expect(mine.status).toBe(200);
    expect((mine.json as unknown as VerificationQueue).items.map((item) => item.hostCode)).toEqual(["PL"]);
    const all = await call(queueRoute.GET, { method: "GET", token: everyone.token });
    expect((all.json as unknown as VerificationQueue).items.map((item) => item.hostCode).sort()).toEqual(["PL", "UA"]);
    expect((await call(queueRoute.GET, { method: "GET" })).status).toBe(401);
  });

  it("a re-verified mission leaves the queue and counts as checked today", async () => {
    const db = getDb();
    const ua = await missionsIn("UA", "Kyiv", "Europe/Kyiv", [["IT", "closed", 20000], ["ES", "closed", 20000]]);
    const { token } = await createUserWithSession(db);
    const before = (await call(queueRoute.GET, { method: "GET", token })).json as unknown as VerificationQueue;
    expect(before.progress).toEqual({ checkedToday: 0, total: 2 });
    const item = before.items.find((entry) => entry.id === ua.IT)!;
    const verified = await call(verifyMission.POST, { token, params: { id: String(item.id) }, body: { sourceUrl: "https://example.org/still-closed", expectedVersion: item.version } });
    expect(verified.status).toBe(200);
    const after = (await call(queueRoute.GET, { method: "GET", token })).json as unknown as VerificationQueue;
    expect(after.items.map((entry) => entry.id)).toEqual([ua.ES]);
    expect(after.progress).toEqual({ checkedToday: 1, total: 2 });
  });
});

describe("re-verifying a city from one source", () => {
  it("confirms each mission's own status as one event, in one transaction", async () => {
    const db = getDb();
    const ua = await missionsIn("UA", "Kyiv", "Europe/Kyiv", [["IT", "closed", 20000], ["DE", "limited", 20000], ["GB", "open", 20000]]);
    const { token } = await createUserWithSession(db, { hostScope: "UA" });
    const missions = await db.mission.findMany({ where: { id: { in: Object.values(ua) } }, select: { id: true, version: true, status: true, statusReason: true, statusSince: true } });
    const response = await call(queueRoute.POST, {
      body: { name: "Re-verification, Kyiv", sourceUrl: "https://example.org/kyiv-today", sourceTitle: "Kyiv today", missions: missions.map(({ id, version }) => ({ id, expectedVersion: version })) },
    });
    expect(response.status).toBe(401);
    const applied = await call(queueRoute.POST, {
      token,
      body: { name: "Re-verification, Kyiv", sourceUrl: "https://example.org/kyiv-today", sourceTitle: "Kyiv today", missions: missions.map(({ id, version }) => ({ id, expectedVersion: version })) },
    });
    expect(applied.status, JSON.stringify(applied.json)).toBe(201);
    expect(applied.json).toMatchObject({ count: 3, event: { name: "Re-verification, Kyiv" } });

    const event = await db.event.findFirstOrThrow({ include: { changes: true } });
    expect(event.changes).toHaveLength(3);
    for (const change of event.changes) {
      const before = missions.find((mission) => mission.id === change.missionId)!;
      expect(change).toMatchObject({ kind: "verify", newStatus: before.status, reason: before.statusReason, sourceUrl: "https://example.org/kyiv-today" });
    }
    const after = await db.mission.findMany({ where: { id: { in: Object.values(ua) } } });
    for (const mission of after) {
      const before = missions.find((candidate) => candidate.id === mission.id)!;
      expect(mission.status).toBe(before.status);
      expect(mission.statusSince).toEqual(before.statusSince);
      expect(mission.sourceUrl).toBe("https://example.org/kyiv-today");
    }
    expect((await loadVerificationQueue(db, ["UA"], new Date())).items).toEqual([]);
  });

  it("writes nothing when one mission has no status, is out of scope, or changed meanwhile", async () => {
    const db = getDb();
    const ua = await missionsIn("UA", "Kyiv", "Europe/Kyiv", [["IT", "closed", 20000], ["FR", null, 0]]);
    const pl = await missionsIn("PL", "Warsaw", "Europe/Warsaw", [["US", "closed", 20000]]);
    const { token } = await createUserWithSession(db, { hostScope: "UA" });
    const version = async (id: number) => (await db.mission.findUniqueOrThrow({ where: { id } })).version;
    const attempt = async (ids: number[], versions?: number[]) =>
      call(queueRoute.POST, {
        token,
        body: { name: "Re-verification", sourceUrl: "https://example.org/x", missions: await Promise.all(ids.map(async (id, index) => ({ id, expectedVersion: versions?.[index] ?? (await version(id)) }))) },
      });
    const before = await snapshotDatabase(db);
    const unreported = await attempt([ua.IT!, ua.FR!]);
    expect(unreported.status).toBe(422);
    expect(unreported.error?.fields).toEqual([{ field: "missions", message: expect.stringContaining("no status to re-verify") }]);
    expect((await attempt([ua.IT!, pl.US!])).status).toBe(403);
    expect((await attempt([ua.IT!], [0])).status).toBe(409);
    const invalid = await call(queueRoute.POST, { token, body: { name: "R", sourceUrl: "ftp://x", missions: [] } });
    expect(invalid.status).toBe(422);
    expect((invalid.error?.fields ?? []).map((error) => error.field).sort()).toEqual(["missions", "name", "sourceUrl"]);
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});
