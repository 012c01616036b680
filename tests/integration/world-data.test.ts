// The one world generator (scripts/world-data.ts) that the benches use: its history, written in
// SQL for speed, must keep the invariants the status commands keep, on both databases.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { generateWorld } from "@/scripts/world-data";

const START = new Date("2022-01-01T00:00:00Z");
const END = new Date("2025-01-01T00:00:00Z");

describe("the world generator", () => {
  it("imports the world and writes reports whose chain and versions match each mission's current status", async () => {
    const db = getDb();
    const facts = await generateWorld(db, { historyRows: 6000, start: START, end: END, seed: 7 });
    expect(facts.missions).toBeGreaterThan(9000);
    expect(facts.historyRows).toBe(6000);

    const entries = await db.statusChange.findMany({ select: { missionId: true, version: true, previousStatus: true, newStatus: true, effectiveAt: true, recordedAt: true }, orderBy: [{ missionId: "asc" }, { version: "asc" }] });
    const byMission = new Map<number, typeof entries>();
    for (const entry of entries) byMission.set(entry.missionId, [...(byMission.get(entry.missionId) ?? []), entry]);
    const missions = await db.mission.findMany({ where: { id: { in: [...byMission.keys()] } }, select: { id: true, status: true, version: true, statusSince: true } });
    // Skewed: the busiest mission has far more than its share.
    expect(Math.max(...[...byMission.values()].map((list) => list.length))).toBeGreaterThan(50 * (6000 / missions.length));
    for (const mission of missions) {
      const list = byMission.get(mission.id)!;
      list.forEach((entry, index) => {
        const before = list[index - 1];
        if (before) {
          expect(entry.version).toBe(before.version + 1);
          expect(entry.previousStatus).toBe(before.newStatus);
          expect(entry.newStatus).not.toBe(before.newStatus);
          expect(entry.effectiveAt.getTime()).toBeGreaterThan(before.effectiveAt.getTime());
        }
        expect(entry.effectiveAt.getTime()).toBeGreaterThanOrEqual(START.getTime());
        expect(entry.effectiveAt.getTime()).toBeLessThan(END.getTime());
        expect(entry.recordedAt.getTime()).toBeGreaterThan(entry.effectiveAt.getTime());
      });
      const last = list.at(-1)!;
      expect({ status: mission.status, version: mission.version, since: mission.statusSince?.getTime() }).toEqual({ status: last.newStatus, version: last.version, since: last.effectiveAt.getTime() });
    }
  }, 180_000);
});
