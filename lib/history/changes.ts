// What changed between two moments A < B: every mission whose status at B differs from its
// status at A, with both standing entries and the history entries in between (effective in
// (A, B], and for known=then recorded by B), a page at a time. Which missions differ is one
// statement over the history-order index; only a page's missions are then read in full, by
// the as-of table's own read, so both agree (decision 039).
import type { Db } from "@/lib/db/create";
import { storedHistoryStatus } from "@/lib/db/stored-values";
import { Prisma } from "@/lib/generated/sqlite/client";
import { compareCodePoints } from "@/lib/missions/search-text";
import type { Status } from "@/lib/status/schema";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import { foldText } from "@/lib/text/fold";
import { loadMissionsAsOf, type AsOfRow, type AsOfScope } from "./as-of";
import type { ChangesPosition } from "./changes-page";
import { queryJsonRows } from "./json-rows";
import type { Known } from "./moment";

export interface ChangesQuery {
  scope: Pick<AsOfScope, "hostCode">;
  city?: string;
  from: Date;
  to: Date;
  known: Known;
}

export interface MissionChange {
  before: AsOfRow | null;
  after: AsOfRow;
  /** Newest last, in the history's order. */
  between: EntryBetween[];
}

// Keeps each IN list well under both databases' bounds on bound parameters.
const CHUNK = 5000;

/** A history entry between the two moments, as the API's change fields want it. */
export interface EntryBetween {
  id: number;
  missionId: number;
  kind: string;
  previousStatus: Status | null;
  newStatus: Status | null;
  reason: string | null;
  sourceUrl: string | null;
  sourceTitle: string | null;
  effectiveAt: Date;
  recordedAt: Date;
  until: Date | null;
  follows: string | null;
  endsChangeId: number | null;
}

type RawEntry = [id: number, missionId: number, kind: string, previousStatus: string | null, newStatus: string, reason: string | null, sourceUrl: string | null, sourceTitle: string | null, effectiveAt: number, recordedAt: number, until: number | null, follows: string | null, endsChangeId: number | null];

const ENTRY_COLUMNS = [
  { name: "id" }, { name: "missionId" }, { name: "kind" }, { name: "previousStatus" }, { name: "newStatus" }, { name: "reason" }, { name: "sourceUrl" }, { name: "sourceTitle" },
  { name: "effectiveAt", instant: true }, { name: "recordedAt", instant: true }, { name: "until", instant: true }, { name: "follows" }, { name: "endsChangeId" },
] as const;

const toEntry = ([id, missionId, kind, previousStatus, newStatus, reason, sourceUrl, sourceTitle, effectiveAt, recordedAt, until, follows, endsChangeId]: RawEntry): EntryBetween => ({
  id,
  missionId,
  kind,
  previousStatus: storedHistoryStatus(previousStatus, "StatusChange.previousStatus"),
  newStatus: storedHistoryStatus(newStatus, "StatusChange.newStatus"),
  reason,
  sourceUrl,
  sourceTitle,
  effectiveAt: new Date(effectiveAt),
  recordedAt: new Date(recordedAt),
  until: until === null ? null : new Date(until),
  follows,
  endsChangeId,
});

/** The missions' entries effective in (from, to], oldest first in the history's order; one statement per chunk, on the history-order index. */
async function loadEntriesBetween(db: Db, missionIds: number[], query: ChangesQuery): Promise<EntryBetween[]> {
  const chunks: number[][] = [];
  for (let index = 0; index < missionIds.length; index += CHUNK) chunks.push(missionIds.slice(index, index + CHUNK));
  const known = query.known === "then" ? Prisma.sql`AND c."recordedAt" <= ${query.to}` : Prisma.empty;
  const loaded = await Promise.all(
    chunks.map((ids) =>
      queryJsonRows<RawEntry>(
        db,
        Prisma.sql`SELECT c.* FROM "StatusChange" c WHERE c."missionId" IN (${Prisma.join(ids)}) AND c."effectiveAt" > ${query.from} AND c."effectiveAt" <= ${query.to} ${known}`,
        ENTRY_COLUMNS,
      ),
    ),
  );
  return loaded
    .flat()
    .map(toEntry)
    .sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime() || a.id - b.id);
}

export interface ChangesPage {
  changes: MissionChange[];
  /** How many missions differ in all (every page). */
  matching: number;
  /** Where the next page starts (null: this is the last). */
  next: ChangesPosition | null;
}

type DifferingRow = [id: number, sendingKey: string, cityKey: string];

/** The mission's status at a moment as the diff compares it: unreported and no entry alike. */
function statusAt(alias: string, at: Date, known: Known): Prisma.Sql {
  const table = Prisma.raw(alias);
  const recorded = known === "then" ? Prisma.sql`AND ${table}."recordedAt" <= ${at}` : Prisma.empty;
  return Prisma.sql`COALESCE(NULLIF((SELECT ${table}."newStatus" FROM "StatusChange" ${table} WHERE ${table}."missionId" = m."id" AND ${table}."effectiveAt" <= ${at} ${recorded}
    ORDER BY ${table}."effectiveAt" DESC, ${table}."recordedAt" DESC, ${table}."id" DESC LIMIT 1), 'unreported'), '-')`;
}

const comparePositions = (a: ChangesPosition, b: ChangesPosition) => compareCodePoints(a.sendingKey, b.sendingKey) || compareCodePoints(a.cityKey, b.cityKey) || a.id - b.id;

/**
 * Every mission of the scope (as it stood at B) whose status at B differs from its status at A,
 * in the order of the page: one statement, two lookups per mission on the history-order index
 * that never leave it (the statuses are in the index). A mission not yet in the table at A (as
 * known then) had no status then, so the comparison of statuses alone decides.
 */
async function loadDifferingMissions(db: Db, query: ChangesQuery): Promise<ChangesPosition[]> {
  const conditions = [Prisma.sql`(m."archivedAt" IS NULL OR m."archivedAt" > ${query.to})`, Prisma.sql`${statusAt("b", query.to, query.known)} <> ${statusAt("a", query.from, query.known)}`];
  if (query.scope.hostCode !== undefined) conditions.push(Prisma.sql`m."hostCode" = ${query.scope.hostCode}`);
  if (query.city) conditions.push(Prisma.sql`m."cityKey" = ${foldText(query.city)}`);
  const rows = await queryJsonRows<DifferingRow>(db, Prisma.sql`SELECT m."id", m."sendingKey", m."cityKey" FROM "Mission" m WHERE ${Prisma.join(conditions, " AND ")}`, [
    { name: "id" },
    { name: "sendingKey" },
    { name: "cityKey" },
  ]);
  return rows.map(([id, sendingKey, cityKey]) => ({ id, sendingKey, cityKey })).sort(comparePositions);
}

/** Both standing rows and the entries in between of the given missions (a page, or a chunk of the CSV). */
async function loadChangesOf(db: Db, query: ChangesQuery, missionIds: number[], freshness: FreshnessContext): Promise<MissionChange[]> {
  if (!missionIds.length) return [];
  const [before, after, entries] = await Promise.all([
    loadMissionsAsOf(db, { missionIds }, { at: query.from, known: query.known }, freshness),
    loadMissionsAsOf(db, { missionIds }, { at: query.to, known: query.known }, freshness),
    loadEntriesBetween(db, missionIds, query),
  ]);
  const beforeById = new Map(before.map((row) => [row.id, row]));
  const afterById = new Map(after.map((row) => [row.id, row]));
  const byMission = new Map<number, EntryBetween[]>();
  for (const entry of entries) {
    const list = byMission.get(entry.missionId);
    if (list) list.push(entry);
    else byMission.set(entry.missionId, [entry]);
  }
  return missionIds.flatMap((id) => {
    const row = afterById.get(id);
    return row ? [{ before: beforeById.get(id) ?? null, after: row, between: byMission.get(id) ?? [] }] : [];
  });
}

/** The page of `differing` that starts right after `after` (the cursor's position), and whether more follow. */
function pageOf(differing: readonly ChangesPosition[], after: ChangesPosition | null, limit: number): { selected: ChangesPosition[]; next: ChangesPosition | null } {
  const start = after ? differing.findIndex((position) => comparePositions(position, after) > 0) : 0;
  const selected = start < 0 ? [] : differing.slice(start, start + limit);
  const hasMore = start >= 0 && start + limit < differing.length;
  return { selected, next: hasMore ? (selected.at(-1) ?? null) : null };
}

/**
 * One page of the missions whose status differs between `from` and `to`, ordered by sending
 * country, city and id (the folded keys, as every mission list: decision 027), starting after
 * `after`. Only the page's missions are read in full (decision 039).
 */
export async function loadChangesPage(db: Db, query: ChangesQuery, page: { after: ChangesPosition | null; limit: number }, freshness: FreshnessContext): Promise<ChangesPage> {
  const differing = await loadDifferingMissions(db, query);
  const { selected, next } = pageOf(differing, page.after, page.limit);
  return { changes: await loadChangesOf(db, query, selected.map((position) => position.id), freshness), matching: differing.length, next };
}

/**
 * Every change, a page of missions at a time (the streamed CSV, decision 045): which missions
 * differ is found once, before anything is sent (so a failing read is still an error answer);
 * then each page is read when the consumer asks for it, starting after the previous page's
 * last position as the API's cursor does. Only one page's rows are held at a time.
 */
export async function openChangesBetween(
  db: Db,
  query: ChangesQuery,
  freshness: FreshnessContext,
  limit = 500,
): Promise<{ matching: number; pages: AsyncGenerator<MissionChange[], void, undefined> }> {
  const differing = await loadDifferingMissions(db, query);
  async function* pages() {
    let after: ChangesPosition | null = null;
    for (;;) {
      const { selected, next } = pageOf(differing, after, limit);
      if (selected.length) yield await loadChangesOf(db, query, selected.map((position) => position.id), freshness);
      if (!next) return;
      after = next;
    }
  }
  return { matching: differing.length, pages: pages() };
}
