// Values read back from the database are parsed once, where rows leave it (issue 7 item 2):
// a status or mission type the code does not know (a bad migration, a hand edit) is logged
// and shown as not reported (or "other"), never as open, in every view.
import { afterEach, describe, expect, it, vi } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { produceApiResponse } from "@/lib/api/handlers";
import { getDb } from "@/lib/db/client";
import { produceEmbedResponse } from "@/lib/embed/render";
import { getResponseCache } from "@/lib/http/process-cache";
import { getAdminMission, getAdminMissionPage } from "@/lib/missions/admin-queries";
import { parseMissionFiltersLeniently } from "@/lib/missions/filters";
import { getLatestChanges, getMissionBySlug, getMissionPage } from "@/lib/missions/queries";

const hostRows = async (host: string) => (await getMissionPage(parseMissionFiltersLeniently({ host }), undefined, new Date())).rows;
import { createMission } from "../factories";
import { ORIGIN } from "../http";

afterEach(() => vi.restoreAllMocks());

async function missionWithUnknownValues() {
  const db = getDb();
  const mission = await createMission(db, { type: "castle" });
  const at = new Date("2024-11-20T07:00:00Z");
  await db.mission.update({ where: { id: mission.id }, data: { status: "reopened", statusSince: at, verifiedAt: at, version: 1 } });
  await db.statusChange.create({ data: { missionId: mission.id, kind: "change", previousStatus: "ajar", newStatus: "reopened", effectiveAt: at, recordedAt: at, authorName: "Hand edit", version: 1 } });
  getResponseCache().clear();
  return mission;
}

async function api(path: string) {
  const { response } = await produceApiResponse({ db: getDb(), origin: ORIGIN }, new URL(path, ORIGIN));
  return response;
}

describe("an unknown stored status or type", () => {
  it("is published as not reported (null) by the API, never as open", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const mission = await missionWithUnknownValues();
    const detail = JSON.parse((await api(`/api/v1/missions/${mission.slug}/history`)).body);
    expect(detail.mission).toMatchObject({ status: null, type: "other" });
    expect(detail.history[0]).toMatchObject({ previousStatus: null, newStatus: null });
    const list = JSON.parse((await api("/api/v1/missions?host=UA")).body);
    expect(list.totals).toEqual({ open: 0, limited: 0, closed: 0, unreported: 1 });
    const feed = JSON.parse((await api("/api/v1/changes.json")).body);
    expect(feed.items[0].tags[0]).toBe("unreported");
    expect(feed.items[0].title).toMatch(/Not reported/);
    const atom = new XMLParser({ ignoreAttributes: false }).parse((await api("/api/v1/changes.atom")).body);
    expect(atom.feed.entry.category["@_term"]).toBe("unreported");
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unknown status "reopened"/));
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unknown mission type "castle"/));
  });

  it("is shown as not reported by the embed, the dashboard and the editor", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const mission = await missionWithUnknownValues();
    const embed = await produceEmbedResponse({ db: getDb(), origin: ORIGIN }, new URL("/embed?host=UA", ORIGIN));
    expect(embed.response.body).toContain("Not reported");
    expect(embed.response.body).not.toContain("reopened");

    const [row] = await hostRows("UA");
    expect(row).toMatchObject({ status: null, type: "other" });
    const page = await getMissionBySlug(mission.slug, new Date());
    expect(page).toMatchObject({ status: null, type: "other" });
    expect(page?.history[0]).toMatchObject({ previousStatus: null, newStatus: null });
    const [latest] = await getLatestChanges(5, new Date());
    expect(latest).toMatchObject({ newStatus: null, mission: { type: "other" } });

    const [adminRow] = (await getAdminMissionPage(getDb(), { hostScope: null }, { filters: parseMissionFiltersLeniently({}), limit: 10, after: null, archived: false })).rows;
    expect(adminRow).toMatchObject({ status: null });
    const edited = await getAdminMission(mission.id);
    expect(edited).toMatchObject({ status: null, type: "other" });
    expect(edited?.history[0]).toMatchObject({ newStatus: null });
  });

  it("leaves known values alone and does not warn", async () => {
    const warn = vi.spyOn(console, "warn");
    const db = getDb();
    const mission = await createMission(db, { type: "consulate" });
    await db.mission.update({ where: { id: mission.id }, data: { status: "limited" } });
    const [row] = await hostRows("UA");
    expect(row).toMatchObject({ status: "limited", type: "consulate" });
    expect(warn).not.toHaveBeenCalled();
  });
});
