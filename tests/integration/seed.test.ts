import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
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

  it("is idempotent", async () => {
    const db = getDb();
    await seed(db);
    const counts = async () => [await db.country.count(), await db.mission.count(), await db.statusChange.count(), await db.event.count()];
    const before = await counts();
    expect(await seed(db)).toEqual({ countriesAdded: 0, missionsAdded: 0, statusesAdded: 0 });
    expect(await counts()).toEqual(before);
  });
});
