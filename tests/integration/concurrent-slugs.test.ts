// Writes that pick a slug at the same moment: concurrent creates of the same mission and
// concurrent bulk events with the same name each get their own slug (a suffix), never a 500.
// On PostgreSQL the transactions really run in parallel (a pool of connections); on SQLite
// they queue for the one writer.
import { describe, expect, it } from "vitest";
import * as events from "@/app/api/admin/events/route";
import * as missions from "@/app/api/admin/missions/route";
import { getDb } from "@/lib/db/client";
import { createMission } from "../factories";
import { call, createUserWithSession } from "../http";

const AT_ONCE = 8;

describe("slugs taken by concurrent writes", () => {
  it("gives concurrent creates of the same mission distinct slugs", async () => {
    const db = getDb();
    const { token } = await createUserWithSession(db);
    const body = { sendingCode: "DE", hostCode: "UA", city: "Lviv", type: "consulate" };
    const responses = await Promise.all(Array.from({ length: AT_ONCE }, () => call(missions.POST, { token, body })));
    expect(responses.map((response) => response.status)).toEqual(Array(AT_ONCE).fill(201));
    const slugs = (await db.mission.findMany({ select: { slug: true } })).map((mission) => mission.slug).sort();
    expect(new Set(slugs).size).toBe(AT_ONCE);
    expect(slugs).toContain("de-consulate-lviv");
  });

  it("gives concurrent bulk events with the same name distinct slugs, each with its history", async () => {
    const db = getDb();
    const { token } = await createUserWithSession(db);
    const targets = await Promise.all(Array.from({ length: AT_ONCE }, () => createMission(db)));
    const responses = await Promise.all(
      targets.map((mission) =>
        call(events.POST, {
          token,
          body: { name: "Air-raid alert", status: "closed", reason: "Alert", sourceUrl: "https://example.org/alert", missions: [{ id: mission.id, expectedVersion: 0 }] },
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(AT_ONCE).fill(responses[0]!.status));
    expect(responses[0]!.status).toBeLessThan(300);
    const stored = await db.event.findMany({ select: { slug: true, _count: { select: { changes: true } } } });
    expect(new Set(stored.map((event) => event.slug)).size).toBe(AT_ONCE);
    expect(stored.every((event) => event._count.changes === 1)).toBe(true);
  });
});
