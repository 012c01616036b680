// Generates prisma/postgres/schema.prisma from prisma/sqlite/schema.prisma (the source of
// truth) and checks that both migration folders exist in step. `--check` only verifies.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const sqliteSchemaPath = path.join(root, "prisma/sqlite/schema.prisma");
const postgresSchemaPath = path.join(root, "prisma/postgres/schema.prisma");

export function postgresSchemaFrom(sqliteSchema: string): string {
  return sqliteSchema
    .replace(
      /^\/\/ Source of truth[^\n]*\n\/\/[^\n]*\n/m,
      "// GENERATED from prisma/sqlite/schema.prisma by `npm run db:sync-schemas`. Do not edit.\n",
    )
    .replace('output       = "../../lib/generated/sqlite"', 'output       = "../../lib/generated/postgres"')
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./unused.db"', 'url      = "postgresql://unused@localhost/unused"');
}

function migrationNames(provider: string): string[] {
  const dir = path.join(root, "prisma", provider, "migrations");
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => fs.statSync(path.join(dir, name)).isDirectory()).sort();
}

function main() {
  const expected = postgresSchemaFrom(fs.readFileSync(sqliteSchemaPath, "utf8"));
  const checkOnly = process.argv.includes("--check");
  const problems: string[] = [];
  if (checkOnly) {
    const actual = fs.existsSync(postgresSchemaPath) ? fs.readFileSync(postgresSchemaPath, "utf8") : "";
    if (actual !== expected) problems.push("prisma/postgres/schema.prisma differs from the SQLite schema: run `npm run db:sync-schemas`");
    const sqliteMigrations = migrationNames("sqlite");
    const postgresMigrations = migrationNames("postgres");
    if (sqliteMigrations.join() !== postgresMigrations.join()) {
      problems.push(
        `migration folders differ:\n  sqlite:   ${sqliteMigrations.join(", ")}\n  postgres: ${postgresMigrations.join(", ")}`,
      );
    }
  } else {
    fs.writeFileSync(postgresSchemaPath, expected);
    console.log("wrote prisma/postgres/schema.prisma");
  }
  if (problems.length) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) main();
