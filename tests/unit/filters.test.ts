import { describe, expect, it } from "vitest";
import { filtersToSearchParams, parseMissionFilters, parseMissionFiltersLeniently } from "@/lib/missions/filters";

describe("parseMissionFilters (strict, for the API)", () => {
  it("accepts lists as repeated or comma-separated parameters", () => {
    const result = parseMissionFilters({ status: ["closed", "limited"], sending: "us, de", host: "ua" });
    expect(result).toEqual({
      ok: true,
      filters: { host: "UA", sending: ["US", "DE"], status: ["closed", "limited"], type: [], confirmed: false, sort: "sending", dir: "asc" },
    });
  });

  it("names each bad parameter", () => {
    const result = parseMissionFilters({ status: "shut", sort: "colour", host: "Ukraine" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field).sort()).toEqual(["host", "sort", "status"]);
  });

  it("reads confirmed=1 and names a bad value", () => {
    expect(parseMissionFilters({ confirmed: "1" })).toMatchObject({ ok: true, filters: { confirmed: true } });
    expect(parseMissionFilters({ confirmed: "0" })).toMatchObject({ ok: true, filters: { confirmed: false } });
    expect(parseMissionFilters({ confirmed: "yes" })).toMatchObject({ ok: false, errors: [{ field: "confirmed" }] });
    expect(parseMissionFiltersLeniently({ confirmed: "yes" }).confirmed).toBe(false);
  });

  it("rejects an over-long search", () => {
    const result = parseMissionFilters({ q: "x".repeat(201) });
    expect(result).toMatchObject({ ok: false, errors: [{ field: "q" }] });
  });
});

describe("parseMissionFiltersLeniently (for pages)", () => {
  it("drops bad values and keeps good ones", () => {
    const filters = parseMissionFiltersLeniently({ status: "closed,nonsense", sort: "zz", dir: "up", type: ["embassy", "castle"], sending: "USA" });
    expect(filters).toEqual({ host: undefined, city: undefined, q: undefined, sending: [], status: ["closed"], type: ["embassy"], confirmed: false, sort: "sending", dir: "asc" });
  });

  it("never throws on odd query strings", () => {
    const odd = [{ status: [] }, { q: "\u0000\uffff" }, { city: ["a", "b"] }, { "status[]": "x" }, { sort: ["since", "city"] }];
    for (const params of odd) expect(() => parseMissionFiltersLeniently(params)).not.toThrow();
  });
});

describe("filtersToSearchParams", () => {
  it("round-trips through the strict parser", () => {
    const filters = { host: "UA", city: "Kyiv", sending: ["US", "GB"], status: ["closed" as const], type: ["embassy" as const], confirmed: true, q: "air", sort: "since" as const, dir: "desc" as const };
    const params = Object.fromEntries(filtersToSearchParams(filters));
    expect(parseMissionFilters(params)).toEqual({ ok: true, filters });
  });

  it("leaves defaults out of shared links", () => {
    expect(filtersToSearchParams({ sort: "sending", dir: "asc", sending: [], status: [] }).toString()).toBe("");
  });
});
