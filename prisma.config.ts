import { defineConfig } from "prisma/config";
import { parseEnv } from "./lib/env";
import { postgresAdapter, sqliteMigrationAdapter } from "./lib/db/adapters";
import "./prisma/cli-pg-workaround";

// Prisma skips .env when a config file exists; the environment is parsed by lib/env.ts.
const { DATABASE_URL, databaseProvider } = parseEnv();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/${databaseProvider}/schema.prisma`,
  migrations: { path: `prisma/${databaseProvider}/migrations` },
  adapter: async () =>
    databaseProvider === "sqlite"
      ? sqliteMigrationAdapter(DATABASE_URL)
      : postgresAdapter(DATABASE_URL, { allowExitOnIdle: true, max: 2 }),
});
