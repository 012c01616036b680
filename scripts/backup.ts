// `npm run backup -- [file]`: an online backup of the SQLite database, safe while the server
// runs (SQLite's backup API). Default file: backups/chancery-<time>.db. For PostgreSQL, use
// pg_dump (README, "Backup and restore").
import path from "node:path";
import { sqlitePathOf } from "@/lib/db/adapters";
import { backupSqlite } from "@/lib/db/backup";
import { parseEnv } from "@/lib/env";

async function main() {
  const { DATABASE_URL, databaseProvider } = parseEnv();
  if (databaseProvider !== "sqlite") {
    throw new Error('DATABASE_URL is PostgreSQL: back it up with pg_dump (see README, "Backup and restore")');
  }
  const to = path.resolve(process.argv[2] ?? path.join("backups", `chancery-${new Date().toISOString().replace(/[:.]/g, "-")}.db`));
  const check = await backupSqlite(sqlitePathOf(DATABASE_URL), to);
  console.log(`Backed up to ${check.file}: ${check.missions} missions, ${check.statusChanges} status reports (integrity ok)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
