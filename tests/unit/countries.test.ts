import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_COUNTRIES, countryCodeForName, countryNameInText } from "@/lib/countries/catalog";
import { parseWikidataCsv } from "@/lib/import/wikidata-csv";

describe("country catalog", () => {
  it("holds every ISO 3166-1 country plus Kosovo and non-ISO senders, with unique codes", () => {
    const codes = ALL_COUNTRIES.map((country) => country.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(249 + 1 + 1);
    const names = new Map(ALL_COUNTRIES.map((country) => [country.code, country.name]));
    expect(names.get("UA")).toBe("Ukraine");
    expect(names.get("XK")).toBe("Kosovo");
    expect(names.get("EU")).toBe("European Union");
    expect(names.get("XM")).toBe("Sovereign Military Order of Malta");
  });

  it("maps Wikidata's English names, including aliases", () => {
    expect(countryCodeForName("United States of America")).toBe("US");
    expect(countryCodeForName("People's Republic of China")).toBe("CN");
    expect(countryCodeForName("Vatican")).toBe("VA");
    expect(countryCodeForName("Republic of Ireland")).toBe("IE");
    expect(countryCodeForName("Sovereign Military Order of Malta")).toBe("XM");
    expect(countryCodeForName("Nordic countries")).toBeUndefined();
    expect(countryCodeForName("")).toBeUndefined();
  });

  it("maps every sending and host country of the Kyiv seed", () => {
    const parsed = parseWikidataCsv(fs.readFileSync("prisma/seed-data/kyiv-missions.csv", "utf8"));
    if (!parsed.ok) throw new Error(parsed.error);
    const unmapped = parsed.missions.filter((m) => !m.sendingCode || !m.hostCode).map((m) => m.sendingName);
    expect(unmapped).toEqual([]);
  });

  it("adds the article where English needs one", () => {
    expect(countryNameInText("United States of America")).toBe("the United States of America");
    expect(countryNameInText("Germany")).toBe("Germany");
  });

});
