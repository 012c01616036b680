// Idempotent seed: all countries, the 78 missions in Kyiv and the six statuses of
// 20 November 2024. Safe to run on every start. A status whose end has passed is ended by the
// scheduler (db:setup runs the due jobs once right after the seed).
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { auditData } from "@/lib/audit/audit";
import { hashPassword } from "@/lib/auth/password";
import { ALL_COUNTRIES } from "@/lib/countries/catalog";
import type { Db } from "@/lib/db/create";
import { applyImport } from "@/lib/import/apply";
import { InstantSchema } from "@/lib/input/instant";
import { planImport } from "@/lib/import/plan";
import { readImportFile } from "@/lib/import/read-upload";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { seedWatchedSources } from "@/lib/sources/seed-sources";
import { FollowsSchema, StatusSchema } from "@/lib/status/schema";

const SEED_DIR = path.join(import.meta.dirname, "seed-data");
const SEED_AUTHOR = { id: null, name: "Chancery seed" };

const KyivReportSchema = z.object({
  event: z.object({ slug: z.string(), name: z.string(), description: z.string(), occurredAt: z.coerce.date() }),
  source: z.object({ title: z.string(), url: z.url() }),
  before: z.object({ effectiveAt: z.coerce.date(), reason: z.string() }),
  statuses: z.array(
    z.object({
      wikidataId: z.string(),
      sending: z.string(),
      status: StatusSchema,
      reason: z.string(),
      // What the report says about the status's end (see seed-data/README.md).
      until: InstantSchema.optional(),
      follows: FollowsSchema.optional(),
    }),
  ),
});

export interface SeedSummary {
  countriesAdded: number;
  missionsAdded: number;
  statusesAdded: number;
}

export async function seedCountries(db: Db): Promise<number> {
  const existing = new Set((await db.country.findMany({ select: { code: true } })).map((row) => row.code));
  const missing = ALL_COUNTRIES.filter((country) => !existing.has(country.code));
  if (missing.length) await db.country.createMany({ data: missing });
  return missing.length;
}

/** The Kyiv missions go through the same import as any file: matching, slugs, time zones. */
async function seedKyivMissions(db: Db): Promise<number> {
  const parsed = readImportFile(fs.readFileSync(path.join(SEED_DIR, "kyiv-missions.csv")));
  if (!parsed.ok) throw new Error(`Seed: ${parsed.error}`);
  if (parsed.rejected.length) throw new Error(`Seed: rejected rows ${JSON.stringify(parsed.rejected)}`);
  const plan = await planImport(db, parsed);
  if (plan.summary.add === 0 && plan.summary.update === 0) return 0;
  return (await applyImport(db, SEED_AUTHOR, parsed)).plan.summary.add;
}

async function seedKyivReport(db: Db): Promise<number> {
  const report = KyivReportSchema.parse(
    JSON.parse(fs.readFileSync(path.join(SEED_DIR, "kyiv-2024-11-20.json"), "utf8")),
  );
  if (await db.event.findUnique({ where: { slug: report.event.slug }, select: { id: true } })) return 0;

  return db.$transaction(async (tx) => {
    const event = await tx.event.create({ data: report.event });
    let added = 0;
    for (const entry of report.statuses) {
      const mission = await tx.mission.findUnique({ where: { wikidataId: entry.wikidataId }, select: { id: true } });
      if (!mission) throw new Error(`Seed: no mission with Wikidata id ${entry.wikidataId} (${entry.sending})`);
      const source = { sourceUrl: report.source.url, sourceTitle: report.source.title };
      await recordStatusChange(tx, {
        missionId: mission.id,
        status: "open",
        reason: report.before.reason,
        ...source,
        effectiveAt: report.before.effectiveAt,
        recordedAt: report.event.occurredAt,
        author: SEED_AUTHOR,
      });
      await recordStatusChange(tx, {
        missionId: mission.id,
        status: entry.status,
        reason: entry.reason,
        ...source,
        effectiveAt: report.event.occurredAt,
        recordedAt: report.event.occurredAt,
        author: SEED_AUTHOR,
        eventId: event.id,
        until: entry.until,
        follows: entry.follows,
      });
      added += 2;
    }
    return added;
  });
}

export const DEMO_EDITOR = { email: "demo-editor@chancery.invalid", name: "Demo editor" };

/**
 * Only when asked (SEED_DEMO_EDITOR=1): an editor for trying the admin locally. Its password is
 * SEED_DEMO_EDITOR_PASSWORD; never enable this on a public deployment.
 */
async function seedDemoEditor(db: Db, password: string | undefined): Promise<boolean> {
  if (!password || password.length < 12) throw new Error("SEED_DEMO_EDITOR_PASSWORD must be set (at least 12 characters)");
  if (await db.user.findUnique({ where: { email: DEMO_EDITOR.email }, select: { id: true } })) return false;
  const user = await db.user.create({ data: { ...DEMO_EDITOR, role: "editor", passwordHash: await hashPassword(password) } });
  await db.auditEntry.create({
    data: auditData({ id: null, name: SEED_AUTHOR.name }, { action: "user.create", entityType: "user", entityId: user.id, after: { email: user.email, role: user.role } }),
  });
  return true;
}

export async function seed(db: Db, options: { demoEditorPassword?: string } = {}): Promise<SeedSummary> {
  const countriesAdded = await seedCountries(db);
  const missionsAdded = await seedKyivMissions(db);
  const statusesAdded = await seedKyivReport(db);
  // Disabled: nothing is fetched until an admin resumes them (lib/sources/seed-sources.ts).
  await seedWatchedSources(db);
  if (options.demoEditorPassword !== undefined && (await seedDemoEditor(db, options.demoEditorPassword))) {
    console.log(`Demo editor created: ${DEMO_EDITOR.email}`);
  }
  return { countriesAdded, missionsAdded, statusesAdded };
}
