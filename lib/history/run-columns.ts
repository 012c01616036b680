// Two columns each history entry carries so the as-of table reads "since" in one lookup
// (decision 039), kept true by every write:
// - runStartedAt: when the entry's status run began (the effective time of the first entry of
//   the run of equal statuses ending with it), over every entry in the history's order;
// - recordedUpTo: the latest recordedAt of the entry and of every entry before it.
// Both follow from the entry before and the entry itself (runColumnsAfter), so a write only
// recomputes from the entry it adds onwards, and stops at the first later entry whose stored
// values already agree (every entry after it agrees too).
import type { Db, Tx } from "@/lib/db/create";
import { historyOrder, olderThan, type HistoryCursor } from "@/lib/missions/history-page";

export interface RunColumns {
  runStartedAt: Date;
  recordedUpTo: Date;
}

interface RunEntry {
  newStatus: string | null;
  effectiveAt: Date;
  recordedAt: Date;
}

/** The run columns of `entry`, given the entry right before it in the history's order (null: it is the first). */
export function runColumnsAfter(previous: (Pick<RunEntry, "newStatus"> & RunColumns) | null, entry: RunEntry): RunColumns {
  if (!previous) return { runStartedAt: entry.effectiveAt, recordedUpTo: entry.recordedAt };
  return {
    runStartedAt: previous.newStatus === entry.newStatus ? previous.runStartedAt : entry.effectiveAt,
    recordedUpTo: previous.recordedUpTo > entry.recordedAt ? previous.recordedUpTo : entry.recordedAt,
  };
}

const runSelect = { id: true, newStatus: true, effectiveAt: true, recordedAt: true, runStartedAt: true, recordedUpTo: true } as const;

const OLDEST_FIRST = historyOrder.map((order) => Object.fromEntries(Object.entries(order).map(([key]) => [key, "asc" as const])));

const BATCH = 500;

const stored = (entry: { runStartedAt: Date | null; recordedUpTo: Date | null }): RunColumns | null =>
  entry.runStartedAt && entry.recordedUpTo ? { runStartedAt: entry.runStartedAt, recordedUpTo: entry.recordedUpTo } : null;

const same = (a: RunColumns | null, b: RunColumns) => a !== null && a.runStartedAt.getTime() === b.runStartedAt.getTime() && a.recordedUpTo.getTime() === b.recordedUpTo.getTime();

/**
 * Recomputes the run columns of a mission's entries from `from` (an entry just written) onwards.
 * An appended entry costs two reads and one update; a back-dated one walks the entries after it
 * until they agree. An entry before `from` without its columns (written before they existed,
 * and not backfilled yet) makes the walk start at the mission's first entry.
 */
export async function refreshRunColumns(tx: Tx | Db, missionId: number, from: HistoryCursor): Promise<void> {
  const before = await tx.statusChange.findFirst({ where: { missionId, ...olderThan(from) }, orderBy: [...historyOrder], select: runSelect });
  const seed = before && stored(before);
  let previous: (RunEntry & RunColumns) | null = before && seed ? { ...before, ...seed } : null;
  let position: HistoryCursor | null = before && !seed ? null : from;
  let first = true;
  for (;;) {
    const where = position ? { missionId, NOT: olderThan(position) } : { missionId };
    const entries = await tx.statusChange.findMany({ where, orderBy: OLDEST_FIRST, select: runSelect, take: BATCH });
    for (const entry of entries) {
      const columns = runColumnsAfter(previous, entry);
      if (!first && same(stored(entry), columns)) return;
      first = false;
      if (!same(stored(entry), columns)) await tx.statusChange.update({ where: { id: entry.id }, data: columns });
      previous = { ...entry, ...columns };
    }
    const last = entries.at(-1);
    if (!last || entries.length < BATCH) return;
    // The next batch starts after the last entry walked (olderThan's complement of the entry after it).
    position = { id: last.id + 1, effectiveAt: last.effectiveAt, recordedAt: last.recordedAt };
  }
}

/**
 * Fills the run columns of every mission that has an entry without them (rows a migration or a
 * bulk SQL insert left empty), in one statement of window functions; idempotent. Used by
 * `npm run db:setup` and the world generator. The same recurrence as runColumnsAfter:
 * runs start where the status differs from the entry before (gaps and islands).
 */
export async function backfillRunColumns(db: Db): Promise<number> {
  const order = `PARTITION BY "missionId" ORDER BY "effectiveAt", "recordedAt", id`;
  const statement = `
    WITH marked AS (
      SELECT id, "missionId", "effectiveAt", "recordedAt",
        CASE WHEN LAG("newStatus") OVER (${order}) = "newStatus" THEN 0 ELSE 1 END AS starts,
        MAX("recordedAt") OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "upTo"
      FROM "StatusChange"
      WHERE "missionId" IN (SELECT "missionId" FROM "StatusChange" WHERE "runStartedAt" IS NULL OR "recordedUpTo" IS NULL)
    ), numbered AS (
      SELECT id, "missionId", "effectiveAt", "upTo", SUM(starts) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run FROM marked
    ), runs AS (
      SELECT id, "upTo", MIN("effectiveAt") OVER (PARTITION BY "missionId", run) AS "startedAt" FROM numbered
    )
    UPDATE "StatusChange" SET "runStartedAt" = runs."startedAt", "recordedUpTo" = runs."upTo"
    FROM runs WHERE "StatusChange".id = runs.id
      AND ("StatusChange"."runStartedAt" IS NULL OR "StatusChange"."recordedUpTo" IS NULL
        OR "StatusChange"."runStartedAt" <> runs."startedAt" OR "StatusChange"."recordedUpTo" <> runs."upTo")`;
  return db.$executeRawUnsafe(statement);
}
