import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { runDueJobsOnce } from "@/lib/jobs/registry";
import { seed } from "@/prisma/seed";

describe("seed", () => {
  it("loads the Kyiv missions and the six statuses of 20 November 2024 as one event", async () => {
    const db = getDb();
    const summary = await seed(db);
    expect(summary).toMatchObject({ missionsAdded: 78, statusesAdded: 12 });

    expect(await db.mission.count({ where: { hostCode: "UA", city: "Kyiv" } })).toBe(78);
    const reported = await db.mission.findMany({
      where: { status: { not: null } },
      select: { sendingCode: true, status: true, sourceTitle: true, statusSince: true },
      orderBy: { sendingCode: "asc" },
    });
    expect(reported.map((m) => [m.sendingCode, m.status])).toEqual([
      ["DE", "limited"],
      ["ES", "closed"],
      ["GB", "open"],
      ["GR", "closed"],
      ["IT", "closed"],
      ["US", "closed"],
    ]);
    expect(reported.every((m) => m.sourceTitle?.startsWith("Global News, 2024-11-20"))).toBe(true);

    const event = await db.event.findFirstOrThrow({ include: { changes: true } });
    expect(event.name).toBe("Air-attack warning, Kyiv, 2024-11-20");
    expect(event.changes).toHaveLength(6);
    expect(event.changes.every((change) => change.previousStatus === "open")).toBe(true);

    const usHistory = await db.statusChange.findMany({
      where: { mission: { wikidataId: "Q5369959" } },
      orderBy: { effectiveAt: "asc" },
    });
    expect(usHistory.map((c) => [c.previousStatus, c.newStatus])).toEqual([
      [null, "open"],
      ["open", "closed"],
    ]);
    const ukConfirmation = await db.statusChange.findFirstOrThrow({ where: { eventId: event.id, mission: { sendingCode: "GB" } } });
    expect(ukConfirmation.kind).toBe("verify");
  });

  it("ends the US closure 'for the day' at the end of that day in Kyiv: open is then expected, not confirmed", async () => {
    const db = getDb();
    await seed(db);
    const closure = await db.statusChange.findFirstOrThrow({ where: { mission: { wikidataId: "Q5369959" }, newStatus: "closed" } });
    expect(closure).toMatchObject({ until: new Date("2024-11-20T22:00:00Z"), follows: "open" });
    expect(await runDueJobsOnce(db)).toMatchObject({ failed: 0 });
    const us = await db.mission.findUniqueOrThrow({ where: { wikidataId: "Q5369959" }, include: { history: { orderBy: { effectiveAt: "asc" } } } });
    expect(us).toMatchObject({ status: "open", expectedAfter: "closed", verifiedAt: null, statusSince: new Date("2024-11-20T22:00:00Z"), statusSetBy: "Schedule" });
    expect(us.history.map((change) => [change.kind, change.previousStatus, change.newStatus])).toEqual([
      ["change", null, "open"],
      ["change", "open", "closed"],
      ["expiry", "closed", "open"],
    ]);
    expect(us.history[2]).toMatchObject({ effectiveAt: new Date("2024-11-20T22:00:00Z"), endsChangeId: closure.id, authorName: "Schedule" });
    // The other five said nothing about an end: they stay as reported.
    expect(await db.mission.count({ where: { status: { not: null }, expectedAfter: null } })).toBe(5);
    expect(await runDueJobsOnce(db)).toMatchObject({ done: 0 });
  });

  it("is idempotent", async () => {
    const db = getDb();
    await seed(db);
    await runDueJobsOnce(db);
    const counts = async () => [await db.country.count(), await db.mission.count(), await db.statusChange.count(), await db.event.count(), await db.job.count()];
    const before = await counts();
    expect(await seed(db)).toEqual({ countriesAdded: 0, missionsAdded: 0, statusesAdded: 0 });
    expect(await runDueJobsOnce(db)).toMatchObject({ done: 0 });
    expect(await counts()).toEqual(before);
  });
});
