// The editor's filter choices (one raw statement, lib/missions/admin-queries.ts) against a plain
// reference read through Prisma, for editors of every host, of one and of two, with and without
// a chosen host, on both databases.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getAdminFilterChoices } from "@/lib/missions/admin-queries";
import { createMission } from "../factories";

async function reference(hostScope: string[] | null, host: string | undefined) {
  const missions = await getDb().mission.findMany({ where: { archivedAt: null }, include: { host: { select: { code: true, name: true } }, sending: { select: { code: true, name: true } } } });
  const scoped = missions.filter((mission) => !hostScope || hostScope.includes(mission.hostCode));
  const inHost = scoped.filter((mission) => !host || mission.hostCode === host);
  const countries = (pairs: Array<{ code: string; name: string }>) =>
    [...new Map(pairs.map((pair) => [pair.code, pair])).values()].sort((a, b) => a.name.localeCompare(b.name, "en"));
  return {
    hosts: countries(scoped.map((mission) => mission.host)),
    cities: host || hostScope?.length === 1 ? [...new Set(inHost.map((mission) => mission.city))].sort((a, b) => a.localeCompare(b, "en")) : undefined,
    sending: countries(inHost.map((mission) => mission.sending)),
  };
}

describe("the editor's filter choices", () => {
  it("offer the hosts, senders and (with one host) cities of the active missions the editor may edit", async () => {
    const db = getDb();
    for (const [sendingCode, hostCode, city] of [["FR", "UA", "Kyiv"], ["DE", "UA", "Lviv"], ["DE", "PL", "Warsaw"], ["AT", "PL", "Kraków"], ["US", "PL", "kraków"], ["JP", "DE", "Berlin"]] as const) {
      await createMission(db, { sendingCode, hostCode, city });
    }
    await createMission(db, { sendingCode: "BR", hostCode: "CZ", city: "Prague", archivedAt: new Date("2026-01-01T00:00:00Z") });
    let compared = 0;
    for (const hostScope of [null, ["PL"], ["UA", "PL"], []]) {
      for (const host of [undefined, "PL", "UA", "CZ"]) {
        const choices = await getAdminFilterChoices(db, { hostScope }, host);
        expect(choices, `${JSON.stringify(hostScope)} ${host}`).toEqual(await reference(hostScope, host));
        compared++;
      }
    }
    expect(compared).toBe(16);
    const everyHost = await getAdminFilterChoices(db, { hostScope: null }, "PL");
    expect(everyHost.cities).toEqual(expect.arrayContaining(["Kraków", "kraków", "Warsaw"]));
    expect(everyHost.hosts.map((country) => country.code)).not.toContain("CZ");
  });
});
