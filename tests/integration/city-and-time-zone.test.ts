// Issue 7 item 4: an edit with an empty time zone derives it as a create does, and the embed
// picks a city by the same rule as the dashboard (accents and case ignored).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as missionItem from "@/app/api/admin/missions/[id]/route";
import * as missions from "@/app/api/admin/missions/route";
import { getDb } from "@/lib/db/client";
import { produceEmbedResponse } from "@/lib/embed/render";
import { getResponseCache } from "@/lib/http/process-cache";
import { parseMissionFiltersLeniently } from "@/lib/missions/filters";
import { getMissionPage } from "@/lib/missions/queries";
import { createMission } from "../factories";
import { call, createUserWithSession, ORIGIN } from "../http";

describe("time zone on edit", () => {
  it("an empty time zone is derived from the coordinates, as on create", async () => {
    const db = getDb();
    const { token } = await createUserWithSession(db);
    const created = await call(missions.POST, { token, body: { sendingCode: "PL", hostCode: "UA", city: "Lviv", type: "consulate_general", timeZone: "UTC" } });
    const id = (created.json.mission as { id: number }).id;
    expect((created.json.mission as { timeZone: string }).timeZone).toBe("UTC");
    // The form sends every field; an emptied time zone arrives as null.
    const edited = await call(missionItem.PATCH, { method: "PATCH", token, params: { id: String(id) }, body: { latitude: 52.23, longitude: 21.01, hostCode: "PL", city: "Warsaw", timeZone: null } });
    expect(edited.status, JSON.stringify(edited.json)).toBe(200);
    expect((edited.json.mission as { timeZone: string }).timeZone).toBe("Europe/Warsaw");
    // Stored coordinates count when the edit does not change them.
    await call(missionItem.PATCH, { method: "PATCH", token, params: { id: String(id) }, body: { timeZone: "UTC" } });
    const fromStored = await call(missionItem.PATCH, { method: "PATCH", token, params: { id: String(id) }, body: { timeZone: null } });
    expect((fromStored.json.mission as { timeZone: string }).timeZone).toBe("Europe/Warsaw");
    // A PATCH that does not mention the time zone keeps it.
    const untouched = await call(missionItem.PATCH, { method: "PATCH", token, params: { id: String(id) }, body: { phone: "+380 44 000" } });
    expect((untouched.json.mission as { timeZone: string }).timeZone).toBe("Europe/Warsaw");
  });
});

describe("one rule for matching a city", () => {
  async function embedRows(query: string): Promise<number> {
    getResponseCache().clear();
    const { response } = await produceEmbedResponse({ db: getDb(), origin: ORIGIN }, new URL(`/embed?${query}`, ORIGIN));
    expect(response.status).toBe(200);
    return (response.body.match(/<tr><th scope="row">/g) ?? []).length;
  }

  it("the embed finds a city typed without accents or in another case, as the dashboard does", async () => {
    const db = getDb();
    await createMission(db, { hostCode: "PL", city: "Kraków", timeZone: "Europe/Warsaw" });
    await createMission(db, { hostCode: "PL", city: "Warsaw", timeZone: "Europe/Warsaw" });
    for (const city of ["Kraków", "krakow", "KRAKOW", "Krako\u0301w"]) {
      const dashboard = (await getMissionPage(parseMissionFiltersLeniently({ host: "PL", city }), undefined, new Date())).rows.length;
      expect(dashboard, city).toBe(1);
      expect(await embedRows(`host=PL&city=${encodeURIComponent(city)}`), city).toBe(dashboard);
    }
  });

  it("embed and dashboard agree on any spelling of any city (property)", async () => {
    const db = getDb();
    const cities = ["Kyiv", "Lviv", "Odesa", "Zürich", "São Paulo", "Kraków", "Łódź", "İstanbul"];
    for (const city of cities) await createMission(db, { hostCode: "UA", city });
    const spelling = fc.tuple(fc.constantFrom(...cities), fc.constantFrom("same", "upper", "lower", "nfd", "stripped")).map(([city, how]) => {
      if (how === "upper") return city.toUpperCase();
      if (how === "lower") return city.toLowerCase();
      if (how === "nfd") return city.normalize("NFD");
      if (how === "stripped") return city.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      return city;
    });
    await fc.assert(
      fc.asyncProperty(spelling, async (city) => {
        const dashboard = (await getMissionPage(parseMissionFiltersLeniently({ host: "UA", city }), undefined, new Date())).rows.length;
        expect(await embedRows(`host=UA&city=${encodeURIComponent(city)}`)).toBe(dashboard);
      }),
      { numRuns: 40 },
    );
  });
});
