import { describe, expect, it } from "vitest";
import { filterMissions, selectMissions, type MissionRow } from "@/lib/missions/filter-missions";
import type { MissionFilters } from "@/lib/missions/filters";

function row(id: number, overrides: Partial<MissionRow>): MissionRow {
  return {
    id,
    slug: `m-${id}`,
    sendingCode: "FR",
    sendingName: "France",
    hostCode: "UA",
    hostName: "Ukraine",
    city: "Kyiv",
    type: "embassy",
    status: null,
    statusReason: null,
    sourceUrl: null,
    sourceTitle: null,
    statusSince: null,
    verifiedAt: null,
    statusUntil: null,
    statusFollows: null,
    expectedAfter: null,
    timeZone: "Europe/Kyiv",
    version: 0,
    updatedAt: new Date(0),
    freshness: null,
    ...overrides,
  };
}

const rows = [
  row(1, { sendingCode: "US", sendingName: "United States of America", status: "closed", statusSince: new Date("2024-11-20T07:00:00Z"), statusReason: "Air-attack warning", freshness: "stale" }),
  row(2, { sendingCode: "GB", sendingName: "United Kingdom", status: "open", statusSince: new Date("2024-11-19T07:00:00Z"), freshness: "fresh" }),
  row(3, { sendingCode: "DE", sendingName: "Germany", status: "limited", statusSince: new Date("2024-11-21T07:00:00Z"), freshness: "due" }),
  row(4, { sendingCode: "SI", sendingName: "Slovenia", type: "consulate", city: "Lviv" }),
  row(5, { sendingCode: "CI", sendingName: "Côte d'Ivoire" }),
];

const base: MissionFilters = { sending: [], status: [], type: [], confirmed: false, sort: "sending", dir: "asc" };

describe("filterMissions", () => {
  it("selects the same rows and totals without ordering them (for the map)", () => {
    const filterSets: MissionFilters[] = [base, { ...base, confirmed: true }, { ...base, status: ["closed", "limited"] }, { ...base, city: "lviv" }, { ...base, q: "cote" }];
    for (const filters of filterSets) {
      const sorted = filterMissions(rows, filters);
      const selected = selectMissions(rows, filters);
      expect(selected.totals).toEqual(sorted.totals);
      expect(selected.rows.map((r) => r.id).sort()).toEqual(sorted.rows.map((r) => r.id).sort());
    }
    expect(selectMissions(rows, base).rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it("sorts by sending country name by default", () => {
    expect(filterMissions(rows, base).rows.map((r) => r.id)).toEqual([5, 3, 4, 2, 1]);
  });

  it("keeps only confirmed statuses (fresh or due) when asked, and totals those", () => {
    const result = filterMissions(rows, { ...base, confirmed: true });
    expect(result.rows.map((r) => r.id)).toEqual([3, 2]);
    expect(result.totals).toEqual({ open: 1, limited: 1, closed: 0, unreported: 0 });
  });

  it("filters by status and still totals every status", () => {
    const result = filterMissions(rows, { ...base, status: ["closed", "limited"] });
    expect(result.rows.map((r) => r.id)).toEqual([3, 1]);
    expect(result.totals).toEqual({ open: 1, limited: 1, closed: 1, unreported: 2 });
  });

  it("filters by city case-insensitively and by type", () => {
    expect(filterMissions(rows, { ...base, city: "lviv" }).rows.map((r) => r.id)).toEqual([4]);
    expect(filterMissions(rows, { ...base, type: ["consulate"] }).rows.map((r) => r.id)).toEqual([4]);
  });

  it("searches names, reasons and accents in every word", () => {
    expect(filterMissions(rows, { ...base, q: "cote" }).rows.map((r) => r.id)).toEqual([5]);
    expect(filterMissions(rows, { ...base, q: "air warning" }).rows.map((r) => r.id)).toEqual([1]);
    expect(filterMissions(rows, { ...base, q: "united kyiv" }).rows.map((r) => r.id)).toEqual([2, 1]);
  });

  it("sorts by status severity and by time in both directions", () => {
    expect(filterMissions(rows, { ...base, sort: "status" }).rows.map((r) => r.id)).toEqual([1, 3, 2, 5, 4]);
    expect(filterMissions(rows, { ...base, sort: "since" }).rows.map((r) => r.id)).toEqual([2, 1, 3, 5, 4]);
    expect(filterMissions(rows, { ...base, sort: "since", dir: "desc" }).rows.map((r) => r.id)).toEqual([3, 1, 2, 5, 4]);
    expect(filterMissions(rows, { ...base, sort: "sending", dir: "desc" }).rows.map((r) => r.id)).toEqual([1, 2, 4, 3, 5]);
  });

  it("filters by sending country", () => {
    expect(filterMissions(rows, { ...base, sending: ["US", "GB"] }).rows.map((r) => r.id)).toEqual([2, 1]);
  });
});
