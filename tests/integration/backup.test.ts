// `npm run backup` while another process keeps writing: the backup holds everything committed
// before it started, and restoring it gives exactly that back.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { sqlitePathOf } from "@/lib/db/adapters";
import { backupSqlite, checkBackup, restoreSqlite } from "@/lib/db/backup";
import { env } from "@/lib/env";
import { TMP_DIR } from "../setup/databases";

// A second process writing one audit entry per transaction, as fast as it can, until told to stop.
const WRITER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1], { timeout: 5000 });
const insert = db.prepare("INSERT INTO AuditEntry (actorName, action, entityType, entityId) VALUES ('writer', 'test.write', 'import', ?)");
let stop = false, n = 0;
process.stdin.once("data", () => (stop = true));
(function batch() {
  for (let i = 0; i < 20; i++) insert.run(String(++n));
  if (n === 200) process.stdout.write("started\\n");
  if (stop) { db.close(); process.stdout.write("stopped " + n + "\\n"); process.exit(0); }
  setImmediate(batch);
})();
`;

function startWriter(file: string) {
  const child = spawn(process.execPath, ["-e", WRITER, file], { stdio: ["pipe", "pipe", "inherit"] });
  let output = "";
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (match) resolve(match);
      };
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        check();
      });
      child.once("exit", () => (output.match(pattern) ? check() : reject(new Error(`writer exited without ${pattern}`))));
      check();
    });
  let stopped: Promise<number> | undefined;
  return {
    started: waitFor(/started/),
    // Once only: a second "stop" would write to a pipe the finished writer has closed.
    stop() {
      stopped ??= (async () => {
        child.stdin.write("stop\n");
        return Number((await waitFor(/stopped (\d+)/))[1]);
      })();
      return stopped;
    },
  };
}

const files = (base: string) => ["", "-wal", "-shm"].map((suffix) => base + suffix);

describe.runIf(process.env.TEST_DB_PROVIDER === "sqlite")("online backup and restore (SQLite)", () => {
  it("a backup taken during writes restores everything committed before it started", async () => {
    const live = sqlitePathOf(env().DATABASE_URL);
    const backupFile = path.join(TMP_DIR, `backup-${process.pid}-${Date.now()}.db`);
    const restoredFile = path.join(TMP_DIR, `restored-${process.pid}-${Date.now()}.db`);
    const writer = startWriter(live);
    try {
      await writer.started;
      const reader = new Database(live, { readonly: true });
      const committedBefore = reader.prepare("SELECT max(id) AS id, count(*) AS n FROM AuditEntry").get() as { id: number; n: number };
      reader.close();
      const check = await backupSqlite(live, backupFile);
      const written = await writer.stop();
      expect(written).toBeGreaterThan(committedBefore.n);
      expect(check.missions).toBe(0);

      await restoreSqlite(backupFile, restoredFile);
      const restored = new Database(restoredFile, { readonly: true });
      const before = restored.prepare("SELECT count(*) AS n FROM AuditEntry WHERE id <= ?").get(committedBefore.id) as { n: number };
      const countries = (restored.prepare("SELECT count(*) AS n FROM Country").get() as { n: number }).n;
      restored.close();
      expect(before.n).toBe(committedBefore.n);
      expect(countries).toBeGreaterThan(200);
    } finally {
      await writer.stop().catch(() => undefined);
      for (const file of [...files(backupFile), ...files(restoredFile)]) fs.rmSync(file, { force: true });
    }
  });

  it("refuses to restore a file that is not a Chancery database, and keeps the database that was there", async () => {
    const junk = path.join(TMP_DIR, `junk-${process.pid}.db`);
    const target = path.join(TMP_DIR, `target-${process.pid}.db`);
    try {
      new Database(junk).exec("CREATE TABLE t (x)");
      expect(() => checkBackup(junk)).toThrow(/not a Chancery database/);
      await expect(restoreSqlite(junk, target)).rejects.toThrow(/not a Chancery database/);
      expect(fs.existsSync(target)).toBe(false);
      await expect(backupSqlite(sqlitePathOf(env().DATABASE_URL), junk)).rejects.toThrow(/exists already/);
    } finally {
      for (const file of [...files(junk), ...files(target)]) fs.rmSync(file, { force: true });
    }
  });
});
