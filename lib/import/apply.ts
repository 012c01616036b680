// Applies an import plan in ONE transaction: every added and updated mission with its audit
// entry, or nothing. The plan is made before the transaction (reading 10,000 rows and matching
// them holds no lock); inside it, a stamp of the missions table shows whether anything changed
// since, and only then is the plan made again, so it always matches what is stored.
import { auditData, type Actor } from "@/lib/audit/audit";
import type { Db, Tx } from "@/lib/db/create";
import { announceDataChange } from "@/lib/events/data-changed";
import { refreshFoldedColumns } from "@/lib/missions/folded-columns";
import { missionSlug } from "@/lib/missions/slug";
import type { ParsedImport } from "./candidate";
import { planImport, type ImportPlan, type Progress } from "./plan";
import { writeImportedReasonTexts, type ReasonTextsResult } from "./reason-texts";

const CHUNK = 500;

export interface ImportResult {
  plan: ImportPlan;
  milliseconds: number;
  /** The own format's reason languages and translations written (decision 043). */
  reasonTexts?: Omit<ReasonTextsResult, "missionIds">;
}

export interface WrittenImport extends ImportResult {
  /** The missions to announce as changed once committed (lib/import/run.ts announces them). */
  touched: Array<{ id: number; hostCode: string; sendingCode: string }>;
}

/** Changes when any mission is added, changed or removed (updatedAt is set on every write). */
async function missionsStamp(db: Db | Tx): Promise<string> {
  const { _count, _max } = await db.mission.aggregate({ _count: { _all: true }, _max: { id: true, updatedAt: true } });
  return JSON.stringify([_count._all, _max.id, _max.updatedAt]);
}

/** Writes the import in this thread and announces it (the CLI, tests). */
export async function applyImport(db: Db, actor: Actor, parsed: Extract<ParsedImport, { ok: true }>, progress?: Progress): Promise<ImportResult> {
  const { plan, touched, milliseconds, reasonTexts } = await writeImport(db, actor, parsed, progress);
  await announceImport(touched);
  return { plan, milliseconds, reasonTexts };
}

export async function announceImport(touched: WrittenImport["touched"]) {
  if (!touched.length) return;
  await announceDataChange({
    missionIds: [...new Set(touched.map((mission) => mission.id))],
    hostCodes: [...new Set(touched.map((mission) => mission.hostCode).filter(Boolean))],
    sendingCodes: [...new Set(touched.map((mission) => mission.sendingCode).filter(Boolean))],
  });
}

/** Writes the import; announcing the change is the caller's (it may run in another thread). */
export async function writeImport(db: Db, actor: Actor, parsed: Extract<ParsedImport, { ok: true }>, progress?: Progress): Promise<WrittenImport> {
  const started = performance.now();
  const stampBefore = await missionsStamp(db);
  const planned = await planImport(db, parsed, progress);
  const { plan, touched, reasonTexts } = await db.$transaction(
    async (tx) => {
      const plan = (await missionsStamp(tx)) === stampBefore ? planned : await planImport(tx, parsed, progress);
      const adds = plan.rows.filter((row) => row.action === "add");
      const updates = plan.rows.filter((row) => row.action === "update");
      const total = adds.length + updates.length;
      const slugs = new Set((await tx.mission.findMany({ select: { slug: true } })).map((mission) => mission.slug));
      const uniqueSlug = (base: string) => {
        let slug = base;
        for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
        slugs.add(slug);
        return slug;
      };
      const now = new Date();
      const audit = [];
      const added: Array<{ id: number; slug: string; sendingCode: string; hostCode: string }> = [];
      for (let start = 0; start < adds.length; start += CHUNK) {
        progress?.("Writing", start, total);
        const chunk = adds.slice(start, start + CHUNK).map((row) => ({ ...row.values, slug: uniqueSlug(missionSlug(row.values.sendingCode, row.values.type, row.values.city)) }));
        added.push(...(await tx.mission.createManyAndReturn({ data: chunk, select: { id: true, slug: true, sendingCode: true, hostCode: true } })));
      }
      for (const mission of added) audit.push(auditData(actor, { action: "mission.import-add", entityType: "mission", entityId: mission.id, after: mission }, now));
      for (const [index, row] of updates.entries()) {
        if (index % CHUNK === 0) progress?.("Writing", adds.length + index, total);
        await tx.mission.update({ where: { id: row.missionId }, data: row.changes });
        audit.push(auditData(actor, { action: "mission.import-update", entityType: "mission", entityId: row.missionId, before: row.before, after: row.changes }, now));
      }
      // New rows arrive unfolded (empty searchText); updated ones are folded again.
      await refreshFoldedColumns(tx, { searchText: "" });
      for (let start = 0; start < updates.length; start += CHUNK) {
        await refreshFoldedColumns(tx, { id: { in: updates.slice(start, start + CHUNK).map((row) => row.missionId) } });
      }
      const texts = await writeImportedReasonTexts(tx, actor, plan.rows);
      const reasonTexts = { saved: texts.saved, skipped: texts.skipped };
      if (total || texts.saved) {
        audit.push(auditData(actor, { action: "import", entityType: "import", entityId: now.toISOString(), after: { format: plan.format, ...plan.summary, unmappedCountries: plan.unmappedCountries, ...(texts.saved || texts.skipped ? { reasonTexts } : {}) } }, now));
      }
      for (let start = 0; start < audit.length; start += CHUNK) await tx.auditEntry.createMany({ data: audit.slice(start, start + CHUNK) });
      progress?.("Writing", total, total);
      const updatedIds = [...new Set([...updates.map((row) => row.missionId), ...texts.missionIds])];
      const updated = updatedIds.length ? await tx.mission.findMany({ where: { id: { in: updatedIds } }, select: { id: true, hostCode: true, sendingCode: true } }) : [];
      // A moved mission leaves its old host and sender too.
      const previous = updates.map((row) => ({ id: row.missionId, hostCode: row.before.hostCode ?? "", sendingCode: row.before.sendingCode ?? "" }));
      return { plan, touched: [...added, ...updated, ...previous], reasonTexts };
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
  return { plan, touched, milliseconds: performance.now() - started, reasonTexts };
}
