import { describe, expect, it } from "vitest";
import * as events from "@/app/api/admin/events/route";
import * as status from "@/app/api/admin/missions/[id]/status/route";
import * as verify from "@/app/api/admin/missions/[id]/verify/route";
import { getDb } from "@/lib/db/client";
import { onDataChange, type DataChange } from "@/lib/events/data-changed";
import { createMission } from "../factories";
import { call, createUserWithSession, snapshotDatabase } from "../http";

const report = { reason: "Air-raid alert", sourceUrl: "https://example.org/alert", sourceTitle: "Alert" };

function recordAnnouncements() {
  const seen: DataChange[] = [];
  const stop = onDataChange((change) => seen.push(change));
  return { seen, stop };
}

describe("status change", () => {
  it("changes the status, appends history and an audit entry, then announces the change", async () => {
    const db = getDb();
    const mission = await createMission(db, { sendingCode: "US" });
    const { token, user } = await createUserWithSession(db);
    const { seen, stop } = recordAnnouncements();
    const response = await call(status.POST, { token, params: { id: String(mission.id) }, body: { status: "closed", ...report, expectedVersion: 0 } });
    stop();
    expect(response.status).toBe(200);
    expect(response.json.mission).toMatchObject({ status: "closed", version: 1, statusReason: "Air-raid alert" });
    const history = await db.statusChange.findMany({ where: { missionId: mission.id } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ newStatus: "closed", authorId: user.id, authorName: user.name });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityType: "mission", entityId: String(mission.id) } });
    expect(audit).toMatchObject({ actorId: user.id, action: "status.change" });
    expect(JSON.parse(audit.before!)).toMatchObject({ status: null, version: 0 });
    expect(JSON.parse(audit.after!)).toMatchObject({ status: "closed", version: 1 });
    expect(seen).toEqual([{ missionIds: [mission.id], hostCodes: ["UA"], sendingCodes: ["US"] }]);
  });

  it("lets exactly one of two editors writing from the same version win; the other gets 409 with the winning change", async () => {
    const db = getDb();
    const mission = await createMission(db);
    const alice = await createUserWithSession(db);
    const bob = await createUserWithSession(db);
    const write = (token: string, newStatus: string) =>
      call(status.POST, { token, params: { id: String(mission.id) }, body: { status: newStatus, ...report, expectedVersion: 0 } });
    const results = await Promise.all([write(alice.token, "closed"), write(bob.token, "limited")]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const loser = results.find((result) => result.status === 409)!;
    const winner = results.find((result) => result.status === 200)!;
    const winningStatus = (winner.json.mission as { status: string }).status;
    expect(loser.error?.message).toMatch(/changed this mission/);
    expect(loser.error?.details?.current).toMatchObject({ status: winningStatus, version: 1 });
    expect(loser.error?.details?.latestChange).toMatchObject({ newStatus: winningStatus, version: 1 });
    expect(await db.statusChange.count({ where: { missionId: mission.id } })).toBe(1);
    expect(await db.auditEntry.count()).toBe(1);

    // Re-applying on the version now shown succeeds.
    const retry = await call(status.POST, { token: bob.token, params: { id: String(mission.id) }, body: { status: "limited", ...report, expectedVersion: 1 } });
    expect(retry.status).toBe(200);
    expect(await db.statusChange.count({ where: { missionId: mission.id } })).toBe(2);
  });

  it("names each invalid field and writes nothing", async () => {
    const db = getDb();
    const mission = await createMission(db);
    const { token } = await createUserWithSession(db);
    const before = await snapshotDatabase(db);
    const response = await call(status.POST, {
      token,
      params: { id: String(mission.id) },
      body: { status: "shut", reason: "", sourceUrl: "javascript:alert(1)", effectiveAt: "2999-01-01T00:00:00Z" },
    });
    expect(response.status).toBe(422);
    const fields = (response.error?.fields ?? []).map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(["status", "reason", "sourceUrl", "effectiveAt", "expectedVersion"]));
    expect(await snapshotDatabase(db)).toEqual(before);
    expect((await call(status.POST, { token, params: { id: "abc" }, body: {} })).status).toBe(422);
    expect((await call(status.POST, { token, params: { id: "999999" }, body: { status: "open", ...report, expectedVersion: 0 } })).status).toBe(404);
    expect((await call(status.POST, { token, params: { id: String(mission.id) }, rawBody: "{not json", headers: { "content-type": "application/json" } })).status).toBe(400);
    expect((await call(status.POST, { token, params: { id: String(mission.id) }, rawBody: "x".repeat(70_000) })).status).toBe(413);
  });

  it("re-verifies: keeps the status and its start, renews last verified with a new source", async () => {
    const db = getDb();
    const mission = await createMission(db);
    const { token } = await createUserWithSession(db);
    await call(status.POST, { token, params: { id: String(mission.id) }, body: { status: "limited", ...report, effectiveAt: "2024-11-20T07:00:00Z", expectedVersion: 0 } });
    const response = await call(verify.POST, { token, params: { id: String(mission.id) }, body: { sourceUrl: "https://example.org/still-limited", expectedVersion: 1 } });
    expect(response.status).toBe(200);
    const after = await db.mission.findUniqueOrThrow({ where: { id: mission.id } });
    expect(after).toMatchObject({ status: "limited", version: 2, sourceUrl: "https://example.org/still-limited", statusReason: "Air-raid alert" });
    expect(after.statusSince?.toISOString()).toBe("2024-11-20T07:00:00.000Z");
    expect(after.verifiedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await db.statusChange.findFirstOrThrow({ where: { version: 2, missionId: mission.id } })).kind).toBe("verify");
  });
});

describe("bulk event", () => {
  it("applies one status to many missions as one event", async () => {
    const db = getDb();
    const missions = await Promise.all(["US", "IT", "ES"].map((sendingCode) => createMission(db, { sendingCode })));
    const { token } = await createUserWithSession(db);
    const { seen, stop } = recordAnnouncements();
    const response = await call(events.POST, {
      token,
      body: { name: "Air-attack warning, Kyiv", status: "closed", ...report, missions: missions.map((mission) => ({ id: mission.id, expectedVersion: 0 })) },
    });
    stop();
    expect(response.status).toBe(201);
    const event = await db.event.findUniqueOrThrow({ where: { slug: (response.json.event as { slug: string }).slug }, include: { changes: true } });
    expect(event.changes).toHaveLength(3);
    expect(await db.mission.count({ where: { status: "closed" } })).toBe(3);
    expect(await db.auditEntry.count()).toBe(4);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.missionIds.sort()).toEqual(missions.map((mission) => mission.id).sort());
  });

  it("writes nothing when one mission is invalid (archived, missing or stale)", async () => {
    const db = getDb();
    const good = await createMission(db, { sendingCode: "US" });
    const archived = await createMission(db, { sendingCode: "IT", archivedAt: new Date() });
    const { token } = await createUserWithSession(db);
    const body = (missions: Array<{ id: number; expectedVersion: number }>) => ({ name: "Alert", status: "closed", ...report, missions });
    const { seen, stop } = recordAnnouncements();
    for (const [bad, expected] of [
      [{ id: archived.id, expectedVersion: 0 }, 404],
      [{ id: 987654, expectedVersion: 0 }, 404],
      [{ id: (await createMission(db, { sendingCode: "ES" })).id, expectedVersion: 3 }, 409],
    ] as const) {
      const before = await snapshotDatabase(db);
      const response = await call(events.POST, { token, body: body([{ id: good.id, expectedVersion: 0 }, bad]) });
      expect(response.status).toBe(expected);
      expect(await snapshotDatabase(db)).toEqual(before);
    }
    stop();
    expect(seen).toEqual([]);
    const duplicate = await call(events.POST, { token, body: body([{ id: good.id, expectedVersion: 0 }, { id: good.id, expectedVersion: 0 }]) });
    expect(duplicate.status).toBe(422);
    expect(duplicate.error?.fields).toEqual([{ field: "missions", message: "lists a mission twice" }]);
  });
});
