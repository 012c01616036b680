// Runs the real set-up command (migrations through the Prisma CLI, WAL, seed) on a fresh
// database of the provider under test, twice.
import { execFileSync } from "node:child_process";
import path from "node:path";
import crypto from "node:crypto";
import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/create";
import { postgresUrl, ROOT, TMP_DIR, withPostgresAdmin } from "../setup/databases";

const provider = process.env.TEST_DB_PROVIDER;
const id = crypto.randomBytes(4).toString("hex");
const sqliteFile = path.join(TMP_DIR, `setup-${id}.db`);
const postgresName = `chancery_setup_${id}`;

afterAll(async () => {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(sqliteFile + suffix, { force: true });
  if (provider === "postgres") await withPostgresAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${postgresName} WITH (FORCE)`));
});

function runSetup(url: string): string {
  return execFileSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/db-setup.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
}

describe("npm run db:setup", () => {
  it("migrates and seeds a fresh database, then changes nothing on a second run", async () => {
    let url = `file:${sqliteFile}`;
    if (provider === "postgres") {
      await withPostgresAdmin((client) => client.query(`CREATE DATABASE ${postgresName}`));
      url = postgresUrl(postgresName);
    }
    expect(runSetup(url)).toMatch(/\+\d+ countries, \+78 missions, \+12 status reports, [1-9]\d* due jobs run/);
    expect(runSetup(url)).toMatch(/\+0 countries, \+0 missions, \+0 status reports, 0 due jobs run/);
    // The seeded closure "for the day" has ended before the first page is served.
    const db = createDb(url);
    try {
      expect(await db.mission.findUniqueOrThrow({ where: { wikidataId: "Q5369959" } })).toMatchObject({ status: "open", expectedAfter: "closed", verifiedAt: null });
      expect(await db.statusChange.count({ where: { kind: "expiry" } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
    if (provider === "sqlite") {
      const db = new Database(sqliteFile, { readonly: true });
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      db.close();
    }
  }, 60_000);
});
