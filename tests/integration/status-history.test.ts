import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { recordStatusChange, statusAsOf, VersionConflictError } from "@/lib/missions/status-commands";
import { createMission, EDITOR } from "../factories";

const source = { sourceUrl: "https://example.org/report", sourceTitle: "Report" };

describe("recordStatusChange", () => {
  it("updates the current status and appends history in one step", async () => {
    const db = getDb();
    const mission = await createMission(db);
    await db.$transaction((tx) =>
      recordStatusChange(tx, { missionId: mission.id, status: "closed", reason: "Alert", ...source, effectiveAt: new Date("2024-11-20T07:00:00Z"), expectedVersion: 0, author: EDITOR }),
    );
    const updated = await db.mission.findUniqueOrThrow({ where: { id: mission.id } });
    expect(updated).toMatchObject({ status: "closed", statusReason: "Alert", version: 1, statusSetBy: "Test editor" });
    expect(updated.statusSince?.toISOString()).toBe("2024-11-20T07:00:00.000Z");
    expect(await db.statusChange.count({ where: { missionId: mission.id } })).toBe(1);
  });

  it("refuses a write based on an old version and writes nothing", async () => {
    const db = getDb();
    const mission = await createMission(db);
    const change = (status: "open" | "closed") => (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) =>
      recordStatusChange(tx, { missionId: mission.id, status, reason: null, ...source, effectiveAt: new Date(), expectedVersion: 0, author: EDITOR });
    await db.$transaction(change("closed"));
    await expect(db.$transaction(change("open"))).rejects.toBeInstanceOf(VersionConflictError);
    expect(await db.statusChange.count({ where: { missionId: mission.id } })).toBe(1);
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).status).toBe("closed");
  });

  it("keeps the latest effective status current when a report is back-dated", async () => {
    const db = getDb();
    const mission = await createMission(db);
    const report = (status: "open" | "limited" | "closed", at: string) =>
      db.$transaction((tx) => recordStatusChange(tx, { missionId: mission.id, status, reason: null, ...source, effectiveAt: new Date(at), author: EDITOR }));
    await report("open", "2024-11-01T00:00:00Z");
    await report("closed", "2024-11-20T00:00:00Z");
    const backdated = await report("limited", "2024-11-10T00:00:00Z");
    expect(backdated.previousStatus).toBe("open");
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).status).toBe("closed");

    // The table as it stood at any past moment can be rebuilt from history.
    expect(await statusAsOf(db, mission.id, new Date("2024-10-01T00:00:00Z"))).toBeNull();
    expect(await statusAsOf(db, mission.id, new Date("2024-11-05T00:00:00Z"))).toBe("open");
    expect(await statusAsOf(db, mission.id, new Date("2024-11-15T00:00:00Z"))).toBe("limited");
    expect(await statusAsOf(db, mission.id, new Date("2024-11-25T00:00:00Z"))).toBe("closed");
  });

  it("keeps a re-verification current over a report back-dated before it (issue 7, item 1)", async () => {
    const db = getDb();
    const mission = await createMission(db);
    const report = (status: "open" | "closed", at: string, recordedAt: string) =>
      db.$transaction((tx) =>
        recordStatusChange(tx, { missionId: mission.id, status, reason: null, ...source, effectiveAt: new Date(at), recordedAt: new Date(recordedAt), author: EDITOR }),
      );
    await report("closed", "2024-11-20T10:00:00Z", "2024-11-20T10:00:00Z");
    const verification = await report("closed", "2024-11-20T12:00:00Z", "2024-11-20T12:00:00Z");
    expect(verification.kind).toBe("verify");
    const backdated = await report("open", "2024-11-20T11:00:00Z", "2024-11-20T12:30:00Z");
    expect(backdated).toMatchObject({ kind: "change", previousStatus: "closed" });
    const current = await db.mission.findUniqueOrThrow({ where: { id: mission.id } });
    // Closed at 10:00, open at 11:00 (reported late), closed again as confirmed at 12:00.
    expect(current).toMatchObject({ status: "closed", statusSince: new Date("2024-11-20T12:00:00Z"), verifiedAt: new Date("2024-11-20T12:00:00Z") });
    expect(await statusAsOf(db, mission.id, new Date("2024-11-20T11:30:00Z"))).toBe("open");
  });

  it("records a report of the unchanged status as a re-verification that keeps 'since'", async () => {
    const db = getDb();
    const mission = await createMission(db);
    const report = (at: string) =>
      db.$transaction((tx) => recordStatusChange(tx, { missionId: mission.id, status: "open", reason: null, ...source, effectiveAt: new Date(at), author: EDITOR }));
    await report("2024-11-01T00:00:00Z");
    const verification = await report("2024-11-20T00:00:00Z");
    expect(verification.kind).toBe("verify");
    const updated = await db.mission.findUniqueOrThrow({ where: { id: mission.id } });
    expect(updated.statusSince?.toISOString()).toBe("2024-11-01T00:00:00.000Z");
    expect(updated.verifiedAt!.getTime()).toBeGreaterThanOrEqual(new Date("2024-11-20T00:00:00Z").getTime());
  });
});
