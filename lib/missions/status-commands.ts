// Status writes. A mission's history is ordered by effectiveAt, then recordedAt, then id, and
// its current status is always the latest entry of that order: every write appends one entry
// and sets the mission's current fields from it in the same transaction (a back-dated entry
// only joins the history). Callers pass the transaction.
import type { Tx } from "@/lib/db/create";
import { refreshFoldedColumns } from "./folded-columns";
import { refreshRunColumns, runColumnsAfter } from "@/lib/history/run-columns";
import type { Prisma, StatusChange } from "@/lib/generated/sqlite/client";
import { cancelJobs, enqueueJob } from "@/lib/jobs/queue";
import type { Follows, HistoryStatus, Status } from "@/lib/status/schema";
import { recordChangeNotice, recordEventNotice } from "@/lib/subscriptions/notice";
import { MissionNotFoundError, VersionConflictError } from "./command-errors";

export { MissionNotFoundError, VersionConflictError } from "./command-errors";


export const STATUS_EXPIRY_QUEUE = "status-expiry";
export const expiryJobKey = (changeId: number) => `${STATUS_EXPIRY_QUEUE}:${changeId}`;

export type EntryKind = "change" | "verify" | "expiry" | "scheduled";

export const NEWEST_FIRST: Prisma.StatusChangeOrderByWithRelationInput[] = [{ effectiveAt: "desc" }, { recordedAt: "desc" }, { id: "desc" }];

interface EntryKey {
  id: number;
  effectiveAt: Date;
  recordedAt: Date;
}

// Stands for "after every stored row" while an entry is not inserted yet (fits PostgreSQL's int4).
const NOT_YET_INSERTED = 2_147_483_647;

function compareKeys(a: EntryKey, b: EntryKey): number {
  return a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime() || a.id - b.id;
}

function beforeKey(key: EntryKey): Prisma.StatusChangeWhereInput {
  return {
    OR: [
      { effectiveAt: { lt: key.effectiveAt } },
      { effectiveAt: key.effectiveAt, recordedAt: { lt: key.recordedAt } },
      { effectiveAt: key.effectiveAt, recordedAt: key.recordedAt, id: { lt: key.id } },
    ],
  };
}

const keySelect = { id: true, effectiveAt: true, recordedAt: true, newStatus: true, runStartedAt: true, recordedUpTo: true } as const;

/** Rows arrive with "unreported" read as null (lib/db/stored-values.ts); the column itself is never null. */
const storedAs = (status: Status | null): HistoryStatus => status ?? "unreported";

async function latestEntry(tx: Tx, missionId: number, where: Prisma.StatusChangeWhereInput = {}) {
  const entry = await tx.statusChange.findFirst({ where: { missionId, ...where }, orderBy: NEWEST_FIRST, select: keySelect });
  return entry && { ...entry, newStatus: storedAs(entry.newStatus) };
}

export interface StatusChangeInput {
  missionId: number;
  status: Status;
  reason: string | null;
  sourceUrl: string | null;
  sourceTitle: string | null;
  effectiveAt: Date;
  /** The version the author saw; omitted only by trusted batch jobs such as the seed. */
  expectedVersion?: number;
  author: { id: number | null; name: string };
  eventId?: number | null;
  recordedAt?: Date;
  /** When the reported status ends by itself, and what applies then (default: the previous status). */
  until?: Date | null;
  follows?: Follows;
}

export interface HistoryEntryInput extends Omit<StatusChangeInput, "status" | "recordedAt"> {
  /** "report": a sourced report, recorded as a change or, if the status stays, a verify. */
  kind: "report" | "expiry" | "scheduled";
  status: HistoryStatus;
  recordedAt: Date;
  endsChangeId?: number;
  scheduledChangeId?: number;
}

/**
 * Records a status report. A report of the status it follows is a re-verification (kind
 * "verify"); a back-dated report (earlier than the latest entry) only joins the history.
 */
export function recordStatusChange(tx: Tx, input: StatusChangeInput) {
  return appendHistoryEntry(tx, { ...input, kind: "report", recordedAt: input.recordedAt ?? new Date() });
}

/** An entry's own fields: the run columns are derived after it is written (lib/history/run-columns.ts). */
type EntryFields = Omit<StatusChange, "runStartedAt" | "recordedUpTo">;

/** The mission's current fields as the latest entry (as written) says them. */
function currentFieldsOf(latest: EntryFields, since: Date) {
  return {
    status: latest.newStatus === "unreported" ? null : latest.newStatus,
    statusReason: latest.reason,
    sourceUrl: latest.sourceUrl,
    sourceTitle: latest.sourceTitle,
    statusSince: since,
    // An expiry is the schedule's inference, confirmed by nobody; a scheduled change is its
    // notice's claim for the moment it takes effect; a report confirms when it was made.
    verifiedAt:
      latest.kind === "expiry" ? null : latest.kind === "scheduled" ? latest.effectiveAt : latest.recordedAt > latest.effectiveAt ? latest.recordedAt : latest.effectiveAt,
    statusSetById: latest.authorId,
    statusSetBy: latest.authorName,
    statusUntil: latest.until,
    statusFollows: latest.follows,
    expectedAfter: latest.kind === "expiry" ? latest.previousStatus : null,
  };
}

/** "previous" is the status before the one reported began (not a re-verification of it). */
async function resolveFollows(tx: Tx, missionId: number, key: EntryKey, status: HistoryStatus, follows: Follows, predecessor: { newStatus: string } | null) {
  if (follows !== "previous") return follows;
  if (predecessor && predecessor.newStatus !== status) return predecessor.newStatus;
  const earlier = predecessor ? await latestEntry(tx, missionId, { newStatus: { not: status }, ...beforeKey(key) }) : null;
  return earlier?.newStatus ?? "unreported";
}

/** Schedules this entry's end, and cancels the ends it makes void (it lies within their until). */
async function rescheduleExpiries(tx: Tx, change: Pick<StatusChange, "id" | "missionId" | "effectiveAt" | "recordedAt" | "until">) {
  if (change.until) {
    await enqueueJob(tx, { queue: STATUS_EXPIRY_QUEUE, key: expiryJobKey(change.id), runAt: change.until, payload: { changeId: change.id } });
  }
  const superseded = await tx.statusChange.findMany({
    where: { missionId: change.missionId, id: { not: change.id }, until: { gte: change.effectiveAt }, ...beforeKey(change) },
    select: { id: true },
  });
  await cancelJobs(tx, superseded.map((entry) => expiryJobKey(entry.id)));
}

/** Appends one entry to a mission's history and keeps the mission's current fields its latest. */
export async function appendHistoryEntry(tx: Tx, entry: HistoryEntryInput) {
  const mission = await tx.mission.findUnique({ where: { id: entry.missionId }, select: { id: true, version: true, statusSince: true } });
  if (!mission) throw new MissionNotFoundError(entry.missionId);
  if (entry.expectedVersion !== undefined && entry.expectedVersion !== mission.version) {
    throw new VersionConflictError(mission.id, entry.expectedVersion, mission.version);
  }
  const key: EntryKey = { id: NOT_YET_INSERTED, effectiveAt: entry.effectiveAt, recordedAt: entry.recordedAt };
  const latest = await latestEntry(tx, mission.id);
  const isLatest = !latest || compareKeys(key, latest) > 0;
  const predecessor = isLatest ? latest : await latestEntry(tx, mission.id, beforeKey(key));
  const previousStatus = predecessor?.newStatus ?? null;
  const kind: EntryKind = entry.kind === "report" ? (previousStatus === entry.status ? "verify" : "change") : entry.kind;
  const until = entry.until ?? null;
  const follows = until ? await resolveFollows(tx, mission.id, key, entry.status, entry.follows ?? "previous", predecessor) : null;
  if (follows === entry.status) throw new Error(`What follows a status must differ from it (mission ${mission.id})`);
  if (until && until <= entry.effectiveAt) throw new Error(`"until" must be after the effective time (mission ${mission.id})`);
  const data = {
    missionId: mission.id,
    kind,
    previousStatus,
    newStatus: entry.status,
    reason: entry.reason,
    sourceUrl: entry.sourceUrl,
    sourceTitle: entry.sourceTitle,
    effectiveAt: entry.effectiveAt,
    recordedAt: entry.recordedAt,
    authorId: entry.author.id,
    authorName: entry.author.name,
    eventId: entry.eventId ?? null,
    version: mission.version + 1,
    until,
    follows,
    endsChangeId: entry.endsChangeId ?? null,
    scheduledChangeId: entry.scheduledChangeId ?? null,
  };
  // The version guard in the WHERE clause makes concurrent writers from the same version fail
  // here even if both passed the read above.
  const since = previousStatus === entry.status ? mission.statusSince : entry.effectiveAt;
  const updated = await tx.mission.updateMany({
    where: { id: mission.id, version: mission.version },
    data: { version: data.version, ...(isLatest ? currentFieldsOf({ ...data, id: NOT_YET_INSERTED }, since ?? entry.effectiveAt) : {}) },
  });
  if (updated.count !== 1) {
    const now = await tx.mission.findUnique({ where: { id: mission.id }, select: { version: true } });
    throw new VersionConflictError(mission.id, mission.version, now?.version ?? -1);
  }
  // Appended after an entry whose run columns are known: they follow from it (no walk needed).
  const runSeed = latest?.runStartedAt && latest.recordedUpTo ? { newStatus: latest.newStatus, runStartedAt: latest.runStartedAt, recordedUpTo: latest.recordedUpTo } : null;
  const appended = isLatest && (!latest || runSeed) ? runColumnsAfter(runSeed, data) : null;
  const change = await tx.statusChange.create({ data: { ...data, ...appended } });
  if (!appended) await refreshRunColumns(tx, mission.id, change);
  // The reason is searchable (lib/missions/search-text.ts).
  if (isLatest) await refreshFoldedColumns(tx, { id: mission.id });
  // A back-dated entry may split the current run of the status (it held, then not, then again).
  if (!isLatest) await tx.mission.update({ where: { id: mission.id }, data: { statusSince: await currentRunStart(tx, mission.id) } });
  await rescheduleExpiries(tx, change);
  // Subscribers and webhooks hear of a new current status (not of re-verifications or back-dated entries).
  if (isLatest && kind !== "verify") await recordChangeNotice(tx, change);
  return change;
}

/** When the current run of the latest status began: the latest entry's run start (lib/history/run-columns.ts). */
async function currentRunStart(tx: Tx, missionId: number): Promise<Date | null> {
  const latest = await tx.statusChange.findFirst({ where: { missionId }, orderBy: NEWEST_FIRST, select: { runStartedAt: true } });
  return latest?.runStartedAt ?? null;
}

/** The status a mission had at a moment, from its history (null if none was reported). */
export async function statusAsOf(tx: Tx, missionId: number, at: Date): Promise<Status | null> {
  const latest = await tx.statusChange.findFirst({ where: { missionId, effectiveAt: { lte: at } }, orderBy: NEWEST_FIRST, select: { newStatus: true } });
  return latest?.newStatus ?? null;
}

/** The entry that stood at a moment (the latest effective at or before it). */
export function entryAsOf(tx: Tx, missionId: number, at: Date) {
  return latestEntry(tx, missionId, { effectiveAt: { lte: at } });
}

/** What a batch write knows of each mission beforehand (read in the same transaction). */
export interface BatchMission {
  id: number;
  version: number;
  status: Status | null;
  statusSince: Date | null;
}

// Two parameters per mission in the version guard: under SQLite's 999 as Prisma counts them.
const BATCH_CHUNK = 400;

/**
 * Appends one report per mission, all with the same time, source and status: the statements
 * of a bulk event, batched (a few statements for any number of missions, where one per mission
 * took seconds for hundreds). A report that is not the newest entry of its mission, or that
 * ends by itself, or whose mission has no "since" yet, goes through appendHistoryEntry one by
 * one, which handles every case; the result is the same history either way.
 */
export async function appendReports(
  tx: Tx,
  missions: BatchMission[],
  report: (mission: BatchMission) => Omit<StatusChangeInput, "missionId" | "expectedVersion"> & { recordedAt: Date },
): Promise<Array<Pick<StatusChange, "missionId" | "until">>> {
  if (!missions.length) return [];
  const inputs = missions.map((mission) => ({ mission, input: report(mission) }));
  const ids = missions.map((mission) => mission.id);
  const withHistory = new Set<number>();
  // The latest recordedAt of each mission's history: the recordedUpTo its next entry follows.
  const recordedUpTo = new Map<number, Date>();
  const hasNewerEntry = new Set<number>();
  for (let start = 0; start < ids.length; start += BATCH_CHUNK) {
    const chunk = ids.slice(start, start + BATCH_CHUNK);
    for (const row of await tx.statusChange.groupBy({ by: ["missionId"], where: { missionId: { in: chunk } }, _max: { recordedAt: true } })) {
      withHistory.add(row.missionId);
      if (row._max.recordedAt) recordedUpTo.set(row.missionId, row._max.recordedAt);
    }
    const { effectiveAt, recordedAt } = inputs[start]!.input;
    const newer = await tx.statusChange.findMany({
      where: { missionId: { in: chunk }, OR: [{ effectiveAt: { gt: effectiveAt } }, { effectiveAt, recordedAt: { gt: recordedAt } }] },
      select: { missionId: true },
      distinct: ["missionId"],
    });
    for (const row of newer) hasNewerEntry.add(row.missionId);
  }
  const first = inputs[0]!.input;
  const sameForAll = ({ input }: (typeof inputs)[number]) =>
    input.effectiveAt.getTime() === first.effectiveAt.getTime() && input.recordedAt.getTime() === first.recordedAt.getTime() && input.sourceUrl === first.sourceUrl && input.sourceTitle === first.sourceTitle && input.eventId === first.eventId && input.author.id === first.author.id && input.author.name === first.author.name;
  const batchable = (item: (typeof inputs)[number]) => {
    const previous = withHistory.has(item.mission.id) ? storedAs(item.mission.status) : null;
    // Batched notices go out per event, so only an event's reports are batched.
    return item.input.eventId != null && !hasNewerEntry.has(item.mission.id) && !item.input.until && sameForAll(item) && !(previous === item.input.status && item.mission.statusSince === null);
  };
  const fast = inputs.filter(batchable);
  const slow = inputs.filter((item) => !batchable(item));

  const changes: Array<Pick<StatusChange, "missionId" | "until">> = [];
  // Missions that get the same current fields are updated by one statement.
  const groups = new Map<string, Array<(typeof fast)[number] & { previousStatus: HistoryStatus | null; kind: EntryKind }>>();
  for (const item of fast) {
    const previousStatus = withHistory.has(item.mission.id) ? storedAs(item.mission.status) : null;
    const kind: EntryKind = previousStatus === item.input.status ? "verify" : "change";
    const key = JSON.stringify([kind, item.input.status, item.input.reason]);
    groups.set(key, [...(groups.get(key) ?? []), { ...item, previousStatus, kind }]);
  }
  for (const group of groups.values()) {
    const { input, kind } = group[0]!;
    const entry = {
      kind,
      newStatus: input.status,
      reason: input.reason,
      sourceUrl: input.sourceUrl,
      sourceTitle: input.sourceTitle,
      effectiveAt: input.effectiveAt,
      recordedAt: input.recordedAt,
      authorId: input.author.id,
      authorName: input.author.name,
      until: null,
      follows: null,
      previousStatus: group[0]!.previousStatus,
      endsChangeId: null,
      scheduledChangeId: null,
      eventId: input.eventId ?? null,
      missionId: 0,
      version: 0,
    } satisfies Omit<EntryFields, "id">;
    const { statusSince, ...current } = currentFieldsOf({ ...entry, id: NOT_YET_INSERTED }, input.effectiveAt);
    for (let start = 0; start < group.length; start += BATCH_CHUNK) {
      const chunk = group.slice(start, start + BATCH_CHUNK);
      // The version guard, as in appendHistoryEntry: a concurrent writer makes the count fall short.
      const updated = await tx.mission.updateMany({
        where: { OR: chunk.map(({ mission }) => ({ id: mission.id, version: mission.version })) },
        data: { ...current, ...(kind === "change" ? { statusSince } : {}), version: { increment: 1 } },
      });
      if (updated.count !== chunk.length) {
        const now = await tx.mission.findMany({ where: { id: { in: chunk.map(({ mission }) => mission.id) } }, select: { id: true, version: true } });
        const moved = chunk.find(({ mission }) => now.find((row) => row.id === mission.id)?.version !== mission.version)?.mission ?? chunk[0]!.mission;
        throw new VersionConflictError(moved.id, moved.version, now.find((row) => row.id === moved.id)?.version ?? -1);
      }
      await refreshFoldedColumns(tx, { id: { in: chunk.map(({ mission }) => mission.id) } });
      await tx.statusChange.createMany({
        data: chunk.map(({ mission, previousStatus }) => {
          // Appended at the end: it follows the latest entry, whose run began at the mission's "since".
          const upTo = recordedUpTo.get(mission.id);
          const latest = previousStatus === null || !upTo ? null : { newStatus: previousStatus, runStartedAt: mission.statusSince ?? input.effectiveAt, recordedUpTo: upTo };
          return { ...entry, previousStatus, missionId: mission.id, version: mission.version + 1, ...runColumnsAfter(latest, entry) };
        }),
      });
      // Every earlier entry whose end lies at or after this one's start is made void by it (the
      // new entries have no end, so they are not among them).
      const superseded = await tx.statusChange.findMany({
        where: { missionId: { in: chunk.map(({ mission }) => mission.id) }, until: { gte: input.effectiveAt } },
        select: { id: true },
      });
      await cancelJobs(tx, superseded.map((row) => expiryJobKey(row.id)));
      changes.push(...chunk.map(({ mission }) => ({ missionId: mission.id, until: null })));
    }
    // As appendHistoryEntry does per entry: subscribers hear of new statuses, not re-verifications.
    if (kind === "change" && entry.eventId !== null) await recordEventNotice(tx, { eventId: entry.eventId, recordedAt: input.recordedAt, missionIds: group.map(({ mission }) => mission.id) });
  }
  for (const { mission, input } of slow) {
    const change = await recordStatusChange(tx, { ...input, missionId: mission.id, expectedVersion: mission.version });
    changes.push({ missionId: change.missionId, until: change.until });
  }
  return changes;
}
