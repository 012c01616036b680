import fs from "node:fs";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/admin/import/route";
import { getDb } from "@/lib/db/client";
import { applyImport } from "@/lib/import/apply";
import { exportMissions } from "@/lib/import/export";
import { IMPORT_MAX_BYTES } from "@/lib/import/limits";
import { planImport } from "@/lib/import/plan";
import { readImportFile } from "@/lib/import/read-upload";
import { call, createUserWithSession, snapshotDatabase } from "../http";

const KYIV_CSV = fs.readFileSync("prisma/seed-data/kyiv-missions.csv");
const ACTOR = { id: null, name: "test import" };

function parsed(bytes: Uint8Array) {
  const result = readImportFile(bytes);
  if (!result.ok) throw new Error(result.error);
  return result;
}

async function upload(body: BodyInit, mode = "dry-run") {
  const { token } = await createUserWithSession(getDb(), { role: "admin" });
  return call(importRoute.POST, { token, path: `/api/admin/import?mode=${mode}`, rawBody: body });
}

describe("import of the Wikidata export", () => {
  it("shows a dry run row by row, then applies the Kyiv rows with their time zone; re-import changes nothing", async () => {
    const db = getDb();
    const dryRun = await upload(KYIV_CSV);
    expect(dryRun.status).toBe(200);
    const plan = dryRun.json.plan as { summary: Record<string, number>; rows: Array<{ line: number; action: string; label: string }> };
    expect(plan.summary).toEqual({ add: 78, update: 0, unchanged: 0, reject: 0 });
    expect(plan.rows[0]).toMatchObject({ line: 2, action: "add" });
    expect(plan.rows.find((row) => row.label.includes("Q"))).toBeDefined();
    expect(await db.mission.count()).toBe(0);

    const applied = await upload(KYIV_CSV, "apply");
    expect(applied.status).toBe(200);
    expect(await db.mission.count()).toBe(78);
    const us = await db.mission.findFirstOrThrow({ where: { sendingCode: "US", city: "Kyiv" } });
    expect(us).toMatchObject({ hostCode: "UA", type: "embassy", timeZone: "Europe/Kyiv", status: null });
    expect(await db.auditEntry.count({ where: { action: "mission.import-add" } })).toBe(78);
    expect(await db.auditEntry.count({ where: { action: "import" } })).toBe(1);

    const before = await snapshotDatabase(db);
    const again = await upload(KYIV_CSV, "apply");
    expect((again.json.plan as { summary: unknown }).summary).toEqual({ add: 0, update: 0, unchanged: 78, reject: 0 });
    expect(await snapshotDatabase(db)).toEqual({ ...(before as object), users: expect.anything() });
  });

  it("updates a mission matched by Wikidata id and reports what changed", async () => {
    const db = getDb();
    await applyImport(db, ACTOR, parsed(KYIV_CSV));
    const us = await db.mission.findFirstOrThrow({ where: { sendingCode: "US", city: "Kyiv" } });
    await db.mission.update({ where: { id: us.id }, data: { phone: "+380 00 000 0000", city: "Kiev" } });
    const plan = await planImport(db, parsed(KYIV_CSV));
    expect(plan.summary).toMatchObject({ update: 1, unchanged: 77 });
    const row = plan.rows.find((entry) => entry.action === "update");
    expect(row).toMatchObject({ missionId: us.id, before: { city: "Kiev" }, changes: { city: "Kyiv" } });
  });

  it("matches by sending, host, city and type when the stored mission has no Wikidata id", async () => {
    const db = getDb();
    const text = KYIV_CSV.toString("utf8").split("\n").slice(0, 2).join("\n");
    await db.mission.create({ data: { slug: "af-embassy-kyiv", sendingCode: "AF", hostCode: "UA", city: "Kyiv", type: "embassy" } });
    const plan = await planImport(db, parsed(Buffer.from(text)));
    expect(plan.rows).toMatchObject([{ action: "update", changes: expect.objectContaining({ wikidataId: expect.stringMatching(/^Q\d+$/) }) }]);
  });

  it("reports countries it cannot map, and duplicate rows, with their line", async () => {
    const lines = KYIV_CSV.toString("utf8").trimEnd().split("\n");
    const header = lines[0]!;
    const atlantis = lines[1]!.replace(/^Afghanistan;/, "Atlantis;");
    const text = [header, atlantis, lines[2], lines[2]].join("\n");
    const result = parsed(Buffer.from(text));
    expect(result.unmappedCountries).toEqual([{ name: "Atlantis", rows: 1 }]);
    const plan = await planImport(getDb(), result);
    expect(plan.rows.map((row) => row.action)).toEqual(["reject", "add", "reject"]);
    expect(plan.rows[0]).toMatchObject({ line: 2, reason: 'cannot map sending country "Atlantis" to a code' });
    expect(plan.rows[2]).toMatchObject({ line: 4, reason: "duplicate of line 3 (same Wikidata id)" });
  });
});

describe("malformed uploads get clear errors and write nothing", () => {
  const cases: Array<[string, BodyInit, number, RegExp]> = [
    ["a comma-separated file", "operator,country,city\nFrance,Ukraine,Kyiv\n", 422, /Wrong delimiter.*commas.*";"/],
    ["missing columns", "operator;country\nFrance;Ukraine\n", 422, /Missing columns: operatorQID, countryQID, city/],
    ["bad UTF-8", Buffer.concat([KYIV_CSV.subarray(0, 600), Buffer.from([0xff, 0xfe, 0x0a])]), 422, /not valid UTF-8 \(first bad byte on line \d+\)/],
    ["an empty file", "", 422, /empty/],
    ["JSON of another format", JSON.stringify({ format: "other", missions: [] }), 422, /Not a Chancery export: format must be "chancery\/missions@1"/],
    ["broken JSON", "{ not json", 422, /not valid JSON/],
  ];
  it.each(cases)("%s", async (_name, body, status, message) => {
    const db = getDb();
    const before = await snapshotDatabase(db);
    const response = await upload(body, "apply");
    expect(response.status).toBe(status);
    expect(response.error?.message).toMatch(message);
    const after = (await snapshotDatabase(db)) as { users: unknown };
    expect({ ...after, users: (before as { users: unknown }).users }).toEqual(before);
  });

  it("refuses a 50 MB upload with 413", async () => {
    const body = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const response = await upload(body, "apply");
    expect(response.status).toBe(413);
    expect(response.error).toMatchObject({ code: "too_large", message: "The request body is larger than 20 MB", details: { limitBytes: IMPORT_MAX_BYTES } });
    expect(await getDb().mission.count()).toBe(0);
  });

  it("names the bad mode", async () => {
    const response = await upload(KYIV_CSV, "now");
    expect(response.status).toBe(422);
    expect(response.error?.fields).toEqual([{ field: "mode", message: 'must be "dry-run" or "apply"' }]);
  });
});

describe("the project's own format", () => {
  it("exports and re-imports to the same missions", async () => {
    const db = getDb();
    await applyImport(db, ACTOR, parsed(KYIV_CSV));
    const exported = await exportMissions(db);
    expect(exported.format).toBe("chancery/missions@1");
    expect(exported.missions).toHaveLength(78);
    const bytes = Buffer.from(JSON.stringify(exported));
    expect((await planImport(db, parsed(bytes))).summary).toEqual({ add: 0, update: 0, unchanged: 78, reject: 0 });
    await db.mission.deleteMany();
    await applyImport(db, ACTOR, parsed(bytes));
    expect(await db.mission.count()).toBe(78);
    expect((await planImport(db, parsed(bytes))).summary.unchanged).toBe(78);
  });

  it("rejects invalid missions row by row, naming the field", async () => {
    const bytes = Buffer.from(JSON.stringify({ format: "chancery/missions@1", missions: [{ sendingCode: "ZZ", hostCode: "UA", city: "Kyiv", type: "embassy" }, { sendingCode: "FR", hostCode: "UA", type: "castle" }] }));
    const plan = await planImport(getDb(), parsed(bytes));
    expect(plan.rows).toMatchObject([
      { line: 1, action: "reject", reason: "sendingCode: unknown country code" },
      { line: 2, action: "reject", reason: expect.stringMatching(/city: .*; type: /) },
    ]);
  });
});

describe("the whole world file (9,852 rows)", () => {
  it("imports in one transaction, and a second import changes nothing", { timeout: 180_000 }, async () => {
    const db = getDb();
    const bytes = zlib.gunzipSync(fs.readFileSync("tests/fixtures/embassies-2022-11-16.csv.gz"));
    const file = parsed(bytes);
    const first = await applyImport(db, ACTOR, file);
    expect(first.plan.summary).toEqual({ add: 9845, update: 0, unchanged: 0, reject: 7 });
    expect(first.plan.unmappedCountries.map((country) => country.name)).toContain("Saxony");
    expect(await db.mission.count()).toBe(9845);
    const withoutZone = await db.mission.count({ where: { timeZone: "UTC" } });
    console.info(`missions left in UTC (no coordinates, several zones in the country): ${withoutZone}`);
    expect(withoutZone).toBeLessThan(200);
    expect((await db.mission.findFirstOrThrow({ where: { sendingCode: "DE", hostCode: "JP", type: "embassy" } })).timeZone).toBe("Asia/Tokyo");
    expect((await db.mission.findFirstOrThrow({ where: { sendingCode: "FR", hostCode: "US", type: "embassy" } })).timeZone).toBe("America/New_York");
    const second = await applyImport(db, ACTOR, file);
    expect(second.plan.summary).toEqual({ add: 0, update: 0, unchanged: 9845, reject: 7 });
    console.info(`world import (${process.env.TEST_DB_PROVIDER}): first ${(first.milliseconds / 1000).toFixed(1)} s, re-import ${(second.milliseconds / 1000).toFixed(1)} s`);
  });
});
