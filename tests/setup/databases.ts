// Test databases: one migrated template per provider, copied per test file.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const TMP_DIR = path.join(ROOT, "tests/.tmp");
export const SQLITE_TEMPLATE = path.join(TMP_DIR, "template.db");
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
// Test databases start with TEST_DB_PREFIX (so workers sharing one server stay apart).
const PREFIX = (process.env.TEST_DB_PREFIX ?? "chancery_test").replace(/[^a-z0-9_]/g, "");
// Named after the checkout, so that two clones on one machine never share a template.
export const POSTGRES_TEMPLATE = `${PREFIX}_template_${crypto.createHash("sha1").update(ROOT).digest("hex").slice(0, 8)}`;

export type Provider = "sqlite" | "postgres";

function migrationScripts(provider: Provider): string[] {
  const dir = path.join(ROOT, "prisma", provider, "migrations");
  return fs
    .readdirSync(dir)
    .filter((name) => fs.statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}

export function postgresUrl(database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withPostgresAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the migrated, empty template database for a provider and returns its URL. */
export async function createTemplate(provider: Provider): Promise<string> {
  if (provider === "sqlite") {
    fs.mkdirSync(TMP_DIR, { recursive: true });
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(SQLITE_TEMPLATE + suffix, { force: true });
    const db = new Database(SQLITE_TEMPLATE);
    for (const script of migrationScripts("sqlite")) db.exec(script);
    db.close();
    return `file:${SQLITE_TEMPLATE}`;
  }
  await withPostgresAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${POSTGRES_TEMPLATE}`);
  });
  const client = new pg.Client({ connectionString: postgresUrl(POSTGRES_TEMPLATE) });
  await client.connect();
  for (const script of migrationScripts("postgres")) await client.query(script);
  await client.end();
  return postgresUrl(POSTGRES_TEMPLATE);
}

/** A fresh copy of the template; returns its URL and a function that removes it. */
export async function copyTemplate(provider: Provider): Promise<{ url: string; drop: () => Promise<void> }> {
  const id = crypto.randomBytes(6).toString("hex");
  if (provider === "sqlite") {
    const file = path.join(TMP_DIR, `test-${id}.db`);
    fs.copyFileSync(SQLITE_TEMPLATE, file);
    return {
      url: `file:${file}`,
      drop: async () => {
        for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
      },
    };
  }
  const name = `${PREFIX}_${id}`;
  await withPostgresAdmin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${POSTGRES_TEMPLATE}`));
  return {
    url: postgresUrl(name),
    drop: () => withPostgresAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
