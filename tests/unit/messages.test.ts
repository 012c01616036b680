import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { LOCALES, localePath, negotiateLocale, splitLocalePrefix } from "@/lib/i18n/locales";
import { i18nFor, MESSAGES } from "@/lib/i18n/translator";
import { filterMissions, type MissionRow } from "@/lib/missions/filter-missions";
import { parseMissionFiltersLeniently } from "@/lib/missions/filters";
import { searchAliasesFor } from "@/lib/i18n/search-aliases";

/** "a.b.c" → the message's text, for every leaf. */
function leaves(node: unknown, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(name, value);
    else for (const [inner, text] of leaves(value, name)) found.set(inner, text);
  }
  return found;
}

/** The ICU arguments a message uses: {place}, {count, plural, …}. */
const argumentsOf = (text: string) => new Set([...text.matchAll(/\{(\w+)[,}]/g)].map((match) => match[1]));

describe("the message files", () => {
  const english = leaves(MESSAGES.en);

  it("has one file per language and no other", () => {
    const files = fs.readdirSync(path.join(process.cwd(), "messages")).filter((file) => file.endsWith(".json")).map((file) => file.replace(/\.json$/, ""));
    expect(files.sort()).toEqual([...LOCALES].sort());
  });

  for (const locale of LOCALES.filter((locale) => locale !== "en")) {
    it(`${locale}: every key, no extra one, the same arguments, and translated`, () => {
      const messages = leaves(MESSAGES[locale]);
      expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
      const untranslated: string[] = [];
      for (const [key, text] of english) {
        const translated = messages.get(key) ?? "";
        expect(argumentsOf(translated), `${locale} ${key}`).toEqual(argumentsOf(text));
        // Identical text is allowed only where the words are the same in both ("Status", "Berlin").
        if (translated === text && text.length > 8) untranslated.push(key);
      }
      expect(untranslated).toEqual([]);
    });
  }

  it("formats plurals by each language's rules", () => {
    expect(i18nFor("en").t("home.missions", { count: 1 })).toBe("1 mission");
    expect(i18nFor("en").t("home.missions", { count: 78 })).toBe("78 missions");
    expect(i18nFor("uk").t("home.missions", { count: 1 })).toBe("1 місія");
    expect(i18nFor("uk").t("home.missions", { count: 3 })).toBe("3 місії");
    expect(i18nFor("uk").t("home.missions", { count: 78 })).toBe("78 місій");
    expect(i18nFor("ar").t("home.missions", { count: 2 })).toBe("بعثتان");
    expect(i18nFor("de").t("view.showing", { shown: 1, total: 1 })).toBe("1 von 1 passenden Vertretung angezeigt");
  });
});

describe("language routing", () => {
  it("negotiates Accept-Language by quality, a region matching its language", () => {
    expect(negotiateLocale("uk-UA,uk;q=0.9,en;q=0.8")).toBe("uk");
    expect(negotiateLocale("fr-FR,de-AT;q=0.7,en;q=0.5")).toBe("de");
    expect(negotiateLocale("en;q=0.1,ar;q=0.9")).toBe("ar");
    expect(negotiateLocale("fr, es")).toBe("en");
    expect(negotiateLocale("uk;q=0")).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
  });

  it("never fails on any header", () => {
    fc.assert(fc.property(fc.string(), (header) => LOCALES.includes(negotiateLocale(header))));
  });

  it("splits and adds the prefix as inverses", () => {
    expect(splitLocalePrefix("/uk/countries/UA")).toEqual({ locale: "uk", path: "/countries/UA" });
    expect(splitLocalePrefix("/uk")).toEqual({ locale: "uk", path: "/" });
    expect(splitLocalePrefix("/ukraine")).toEqual({ locale: null, path: "/ukraine" });
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), fc.stringMatching(/^(\/[a-z0-9-]{1,10}){0,3}$/), (locale, rest) => {
        const path = rest || "/";
        expect(splitLocalePrefix(localePath(locale, path))).toEqual({ locale, path });
      }),
    );
  });
});

describe("search in every language", () => {
  const row = (sendingCode: string, sendingName: string, city: string): MissionRow =>
    ({ id: 1, slug: `${sendingCode}-${city}`.toLowerCase(), sendingCode, sendingName, hostCode: "UA", hostName: "Ukraine", city, type: "embassy", status: null, statusReason: null, sourceUrl: null, sourceTitle: null, statusSince: null, verifiedAt: null, statusUntil: null, statusFollows: null, expectedAfter: null, timeZone: "Europe/Kyiv", version: 1, freshness: null }) as MissionRow;
  const rows = [row("DE", "Germany", "Kyiv"), row("PL", "Poland", "Lviv"), row("ES", "Spain", "Kyiv")];
  const search = (q: string) => filterMissions(rows, parseMissionFiltersLeniently({ q })).rows.map((found) => found.slug);

  it("finds Kyiv's missions as Київ, Kiew and Kyiv, and a country by its name in another language", () => {
    for (const q of ["Kyiv", "Київ", "Kiew", "київ", "كييف"]) expect(search(q), q).toEqual(["de-kyiv", "es-kyiv"]);
    expect(search("Львів")).toEqual(["pl-lviv"]);
    expect(search("Німеччина")).toEqual(["de-kyiv"]);
    expect(search("España Kiew")).toEqual(["es-kyiv"]);
  });

  it("gives every language's names for a mission", () => {
    const aliases = searchAliasesFor({ sendingCode: "DE", hostCode: "UA", city: "Kyiv" });
    for (const name of ["Deutschland", "Німеччина", "ألمانيا", "Україна", "Київ", "Kiew"]) expect(aliases).toContain(name);
  });
});
