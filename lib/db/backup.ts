// Online backup and restore of the SQLite database, with SQLite's backup API (through
// better-sqlite3). Copying the file while the server runs is not a backup: the last writes
// live in the -wal file, so the copy misses them and still passes integrity_check.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** Copying every page in one step reads one snapshot: all that was committed when it began. */
const ALL_PAGES = 0x7fffffff;

export interface BackupCheck {
  file: string;
  missions: number;
  statusChanges: number;
  migrations: number;
}

/** Opens a backup read-only and checks that it is a whole Chancery database. */
export function checkBackup(file: string): BackupCheck {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${file} is damaged: integrity_check says ${String(integrity)}`);
    const hasTable = (name: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
    if (!hasTable("Mission") || !hasTable("StatusChange")) throw new Error(`${file} is not a Chancery database (no missions or history table)`);
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return { file, missions: count("Mission"), statusChanges: count("StatusChange"), migrations: hasTable("_prisma_migrations") ? count("_prisma_migrations") : 0 };
  } finally {
    db.close();
  }
}

async function copyDatabase(from: string, to: string): Promise<void> {
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
}

/** Backs the live database up into `to` (written beside it first, then renamed: never half a file). */
export async function backupSqlite(from: string, to: string): Promise<BackupCheck> {
  if (fs.existsSync(to)) throw new Error(`${to} exists already; choose another name`);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const partial = `${to}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    await copyDatabase(from, partial);
    checkBackup(partial);
    fs.renameSync(partial, to);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return checkBackup(to);
}

/**
 * Replaces the database at `target` with the backup's content (the server must be stopped).
 * What was there is backed up first beside it, so a restore can be undone.
 */
export async function restoreSqlite(backup: string, target: string, stamp = new Date()): Promise<{ restored: BackupCheck; previous: string | null }> {
  checkBackup(backup);
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = `${target}.before-restore-${stamp.toISOString().replace(/[:.]/g, "-")}.db`;
    await backupSqlite(target, previous);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Through the backup API into the target, so its -wal and -shm files stay consistent with it.
  await copyDatabase(backup, target);
  return { restored: checkBackup(target), previous };
}
