import { describe, expect, it } from "vitest";
import { getHostCities, getHostCountrySummaries } from "@/lib/countries/queries";
import { getDb } from "@/lib/db/client";
import { getLatestChanges, getMissionBySlug, getMissionPage } from "@/lib/missions/queries";
import { parseMissionFiltersLeniently } from "@/lib/missions/filters";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { createMission, EDITOR } from "../factories";

const rowsOf = async (params: Record<string, string>) => (await getMissionPage(parseMissionFiltersLeniently(params), undefined, new Date())).rows;

describe("public read queries", () => {
  it("counts missions per host country, status and city, leaving archived ones out", async () => {
    const db = getDb();
    const closed = await createMission(db, { sendingCode: "US" });
    await createMission(db, { sendingCode: "DE", city: "Lviv" });
    await createMission(db, { sendingCode: "IT", hostCode: "PL", city: "Warsaw", timeZone: "Europe/Warsaw" });
    await createMission(db, { sendingCode: "ES", archivedAt: new Date() });
    await db.$transaction((tx) =>
      recordStatusChange(tx, { missionId: closed.id, status: "closed", reason: null, sourceUrl: null, sourceTitle: null, effectiveAt: new Date(), author: EDITOR }),
    );
    const summaries = await getHostCountrySummaries(new Date());
    expect(summaries.map((s) => s.name)).toEqual(["Poland", "Ukraine"]);
    const ukraine = summaries.find((s) => s.code === "UA")!;
    expect(ukraine.missions).toBe(2);
    expect(ukraine.counts).toEqual({ open: 0, limited: 0, closed: 1, unreported: 1 });
    const cities = await getHostCities(["UA"]);
    expect([...cities.keys()]).toEqual(["UA"]);
    expect(cities.get("UA")).toEqual([
      { city: "Kyiv", total: 1 },
      { city: "Lviv", total: 1 },
    ]);
  });

  it("reads rows by host or sending country with names joined", async () => {
    const db = getDb();
    await createMission(db, { sendingCode: "US" });
    await createMission(db, { sendingCode: "US", hostCode: "PL", city: "Warsaw" });
    expect((await rowsOf({ host: "UA" })).map((r) => [r.sendingName, r.hostName])).toEqual([["United States of America", "Ukraine"]]);
    expect(await rowsOf({ sending: "US" })).toHaveLength(2);
    expect(await rowsOf({})).toHaveLength(2);
  });

  it("returns a mission with its history newest first, and hides archived missions", async () => {
    const db = getDb();
    const mission = await createMission(db);
    for (const [status, at] of [["open", "2024-11-01"], ["closed", "2024-11-20"]] as const) {
      await db.$transaction((tx) =>
        recordStatusChange(tx, { missionId: mission.id, status, reason: null, sourceUrl: null, sourceTitle: null, effectiveAt: new Date(at), author: EDITOR }),
      );
    }
    const detail = await getMissionBySlug(mission.slug, new Date());
    expect(detail?.history.map((h) => h.newStatus)).toEqual(["closed", "open"]);
    expect((await getLatestChanges(1, new Date()))[0]?.newStatus).toBe("closed");
    await db.mission.update({ where: { id: mission.id }, data: { archivedAt: new Date() } });
    expect(await getMissionBySlug(mission.slug, new Date())).toBeNull();
    expect(await getMissionBySlug("no-such-mission", new Date())).toBeNull();
  });
});
