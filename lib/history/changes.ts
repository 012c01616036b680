// What changed between two moments A < B: every mission whose status at B differs from its
// status at A, with both standing entries and the history entries in between (effective in
// (A, B], and for known=then recorded by B). Built on the as-of table, so both agree.
import type { Db } from "@/lib/db/create";
import { storedHistoryStatus } from "@/lib/db/stored-values";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { Status } from "@/lib/status/schema";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import { matchesCity } from "@/lib/text/fold";
import { loadMissionsAsOf, type AsOfRow, type AsOfScope } from "./as-of";
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

// The order of localeCompare(…, "en"), without building a collator per comparison (at world
// scale that sort took a second).
const ENGLISH = new Intl.Collator("en");

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

/** Missions whose status differs between `from` and `to`, ordered by sending country then city. */
export async function loadChangesBetween(db: Db, query: ChangesQuery, freshness: FreshnessContext): Promise<MissionChange[]> {
  const [before, after] = await Promise.all([
    loadMissionsAsOf(db, query.scope, { at: query.from, known: query.known }, freshness),
    loadMissionsAsOf(db, query.scope, { at: query.to, known: query.known }, freshness),
  ]);
  const beforeById = new Map(before.map((row) => [row.id, row]));
  const inCity = (row: AsOfRow) => !query.city || matchesCity(row.city, query.city);
  const differing = after.filter((row) => inCity(row) && (beforeById.get(row.id)?.status ?? null) !== row.status);
  const entries = await loadEntriesBetween(db, differing.map((row) => row.id), query);
  const byMission = new Map<number, typeof entries>();
  for (const entry of entries) {
    const list = byMission.get(entry.missionId);
    if (list) list.push(entry);
    else byMission.set(entry.missionId, [entry]);
  }
  return differing
    .map((row) => ({ before: beforeById.get(row.id) ?? null, after: row, between: byMission.get(row.id) ?? [] }))
    .sort((a, b) => ENGLISH.compare(a.after.sendingName, b.after.sendingName) || ENGLISH.compare(a.after.city, b.after.city) || a.after.id - b.after.id);
}
