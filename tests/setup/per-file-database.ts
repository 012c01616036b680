// Gives each integration test file its own database, copied from the migrated template,
// and empties it (but for the reference list of countries) before each test.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { copyTemplate, type Provider } from "./databases";

const provider = process.env.TEST_DB_PROVIDER as Provider;
const database = await copyTemplate(provider);
process.env.DATABASE_URL = database.url;

const { getDb } = await import("@/lib/db/client");
const { seedCountries } = await import("@/prisma/seed");

beforeAll(async () => {
  await seedCountries(getDb());
});

beforeEach(async () => {
  const db = getDb();
  await db.auditEntry.deleteMany();
  await db.session.deleteMany();
  await db.statusChange.deleteMany();
  await db.scheduledChange.deleteMany();
  await db.reasonText.deleteMany();
  await db.reasonTextRevision.deleteMany();
  await db.job.deleteMany();
  await db.event.deleteMany();
  await db.mission.deleteMany();
  await db.user.deleteMany();
  await db.freshnessPolicy.deleteMany();
  await db.rateLimiterFlexible.deleteMany();
});

afterAll(async () => {
  await getDb().$disconnect();
  (globalThis as { chanceryDb?: unknown }).chanceryDb = undefined;
  await database.drop();
});
