import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseWikidataCsv } from "@/lib/import/wikidata-csv";

const kyiv = fs.readFileSync("prisma/seed-data/kyiv-missions.csv", "utf8");
const header = kyiv.split("\n")[0]!;

describe("parseWikidataCsv", () => {
  it("reads the 78 Kyiv missions with codes, types and contacts", () => {
    const parsed = parseWikidataCsv(kyiv);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.missions).toHaveLength(78);
    expect(parsed.rejected).toEqual([]);
    const us = parsed.missions.find((m) => m.wikidataId === "Q5369959");
    expect(us).toMatchObject({ sendingCode: "US", hostCode: "UA", city: "Kyiv", type: "embassy" });
    const nunciature = parsed.missions.find((m) => m.sendingCode === "VA");
    expect(nunciature?.type).toBe("nunciature");
    expect(parsed.missions.every((m) => !m.email?.startsWith("mailto:"))).toBe(true);
  });

  it("rejects a file with the wrong delimiter, naming the missing columns", () => {
    const result = parseWikidataCsv(kyiv.replaceAll(";", ","));
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toMatch(/Missing columns: .*operator/);
  });

  it("rejects rows without a city, with their line number", () => {
    const row = kyiv.split("\n")[1]!.split(";");
    row[6] = "";
    const result = parseWikidataCsv(`${header}\n${row.join(";")}\n`);
    expect(result).toMatchObject({ ok: true, missions: [], rejected: [{ line: 2, reason: "city is empty" }] });
  });
});
