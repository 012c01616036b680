// `npm run restore -- <backup file>`: replaces the SQLite database with a backup made by
// `npm run backup`. Stop the server first. What was there is kept beside it (printed).
import { sqlitePathOf } from "@/lib/db/adapters";
import { restoreSqlite } from "@/lib/db/backup";
import { parseEnv } from "@/lib/env";

async function main() {
  const backup = process.argv[2];
  if (!backup) throw new Error("Usage: npm run restore -- <backup file> (stop the server first)");
  const { DATABASE_URL, databaseProvider } = parseEnv();
  if (databaseProvider !== "sqlite") {
    throw new Error('DATABASE_URL is PostgreSQL: restore with pg_restore (see README, "Backup and restore")');
  }
  const { restored, previous } = await restoreSqlite(backup, sqlitePathOf(DATABASE_URL));
  if (previous) console.log(`The database as it was is kept in ${previous}`);
  console.log(`Restored ${restored.missions} missions and ${restored.statusChanges} status reports from ${backup}. Run \`npm run db:setup\` if the backup is older than this version (it applies newer migrations).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
