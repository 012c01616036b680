// The mission table as it stood at a moment T, replayed from the history (StatusChange). Per
// mission the standing entry is the latest, in the history's order (effectiveAt, recordedAt,
// id), of those effective at or before T, and for known=then also recorded by T. Expiries
// and applied scheduled changes are history entries too, so they replay like reports.
//
// One statement per table, for both databases: one lookup per mission on the history-order
// index, stopped at its first row, and the entry's stored run start (decision 039). A
// row_number() window over the history is 10-40× slower at a million rows
// (docs/decisions/022-time-travel.md, 030-as-of-at-scale.md, 039-stored-run-start-and-paged-moments.md).
// Takes the client as an argument (no `server-only`): the custom server's API calls it too.
import type { Db } from "@/lib/db/create";
import { storedHistoryStatus, storedMissionType } from "@/lib/db/stored-values";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { MissionRow } from "@/lib/missions/filter-missions";
import { freshnessOf } from "@/lib/status/freshness";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import { queryJsonRows } from "./json-rows";
import type { Moment } from "./moment";

/** Which missions: one host country, one sending country, one or a few missions, or (all empty) the world. */
export interface AsOfScope {
  hostCode?: string;
  sendingCode?: string;
  missionId?: number;
  missionIds?: readonly number[];
  /** A statement giving the ids (one page of a table, found in the same statement: lib/history/as-of-page.ts). */
  missionIdsFrom?: Prisma.Sql;
}

export type AsOfRow = MissionRow & {
  /** When the standing entry was recorded (the mission's creation if none): what changed last, as of T. */
  updatedAt: Date;
  /** The standing entry (null: no status was reported by T). */
  entryId: number | null;
};

/** The statement's columns, in the order of each row's JSON array (lib/history/json-rows.ts). */
const FIELDS: ReadonlyArray<readonly [table: "m" | "s", column: string, instant?: "instant"]> = [
  ["m", "id"], ["m", "slug"], ["m", "sendingCode"], ["m", "hostCode"], ["m", "city"], ["m", "type"], ["m", "timeZone"], ["m", "createdAt", "instant"],
  ["s", "id"], ["s", "kind"], ["s", "newStatus"], ["s", "previousStatus"], ["s", "reason"], ["s", "sourceUrl"], ["s", "sourceTitle"],
  ["s", "effectiveAt", "instant"], ["s", "recordedAt", "instant"], ["s", "until", "instant"], ["s", "follows"], ["s", "version"],
];

/** Instants come back as epoch milliseconds: parsing ISO text was the mapping's largest cost. */
type StoredInstant = number;
type RawRow = [
  missionId: number, slug: string, sendingCode: string, hostCode: string, city: string, type: string, timeZone: string, createdAt: StoredInstant,
  entryId: number | null, kind: string | null, newStatus: string | null, previousStatus: string | null, reason: string | null, sourceUrl: string | null, sourceTitle: string | null,
  effectiveAt: StoredInstant | null, recordedAt: StoredInstant | null, until: StoredInstant | null, follows: string | null, version: number | null,
  since: StoredInstant | null,
];

/** An entry counts at T when effective by then (and, known=then, recorded by then). */
function knownBy(alias: string, moment: Moment): Prisma.Sql {
  const table = Prisma.raw(alias);
  return moment.known === "then"
    ? Prisma.sql`${table}."effectiveAt" <= ${moment.at} AND ${table}."recordedAt" <= ${moment.at}`
    : Prisma.sql`${table}."effectiveAt" <= ${moment.at}`;
}

function scopeWhere(scope: AsOfScope, moment: Moment): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`(m."archivedAt" IS NULL OR m."archivedAt" > ${moment.at})`];
  if (scope.hostCode !== undefined) conditions.push(Prisma.sql`m."hostCode" = ${scope.hostCode}`);
  if (scope.sendingCode !== undefined) conditions.push(Prisma.sql`m."sendingCode" = ${scope.sendingCode}`);
  if (scope.missionId !== undefined) conditions.push(Prisma.sql`m."id" = ${scope.missionId}`);
  if (scope.missionIds !== undefined) conditions.push(scope.missionIds.length ? Prisma.sql`m."id" IN (${Prisma.join([...scope.missionIds])})` : Prisma.sql`1 = 0`);
  if (scope.missionIdsFrom !== undefined) conditions.push(Prisma.sql`m."id" IN (${scope.missionIdsFrom})`);
  // What the public was shown: a mission added later was not in the table (unless an entry
  // about it had been recorded by then, as the seed's back-dated reports are).
  if (moment.known === "then") conditions.push(Prisma.sql`(m."createdAt" <= ${moment.at} OR s."id" IS NOT NULL)`);
  return Prisma.join(conditions, " AND ");
}

const inOrder = (alias: string, direction: "ASC" | "DESC") =>
  Prisma.raw(`${alias}."effectiveAt" ${direction}, ${alias}."recordedAt" ${direction}, ${alias}."id" ${direction}`);

const COLUMNS = Prisma.raw(FIELDS.map(([table, column], index) => `${table}."${column}" AS "c${index}"`).join(", "));

/** The mission's entries that count at T, newest or oldest first in the history's order. */
function entries(alias: string, moment: Moment, direction: "ASC" | "DESC", extra: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const table = Prisma.raw(alias);
  return Prisma.sql`FROM "StatusChange" ${table} WHERE ${table}."missionId" = m."id" AND ${knownBy(alias, moment)} ${extra} ORDER BY ${inOrder(alias, direction)} LIMIT 1`;
}

/**
 * Whether the standing entry's stored run start is its "since" at T (decision 039). It is over
 * every entry before it, all effective by T; as known then, also all recorded by T, which
 * recordedUpTo ≤ T says. Otherwise (a back-dated report recorded after T, or columns not
 * filled yet) the run is replayed from the index.
 */
function storedRunHolds(moment: Moment): Prisma.Sql {
  const filled = Prisma.sql`s."runStartedAt" IS NOT NULL AND s."recordedUpTo" IS NOT NULL`;
  return moment.known === "then" ? Prisma.sql`${filled} AND s."recordedUpTo" <= ${moment.at}` : filled;
}

/**
 * One statement for both databases. Per mission, one lookup on the history-order index
 * (missionId, effectiveAt, recordedAt, id, newStatus), stopped by LIMIT 1 at its first row:
 * the standing entry s, whose stored run start is "since" (decision 039). Only when that does
 * not hold at T, two more: the latest earlier entry with another status d, and the entry right
 * after d, whose effective time is when the standing status's run began, or the first entry
 * when no status differs; neither leaves the index (docs/decisions/030-as-of-at-scale.md).
 */
export function asOfStatement(scope: AsOfScope, moment: Moment): Prisma.Sql {
  const differs = Prisma.sql`AND d."newStatus" <> s."newStatus"`;
  const afterDiffering = Prisma.sql`AND (f."effectiveAt", f."recordedAt", f."id") > (SELECT d."effectiveAt", d."recordedAt", d."id" ${entries("d", moment, "DESC", differs)})`;
  const replayed = Prisma.sql`COALESCE((SELECT f."effectiveAt" ${entries("f", moment, "ASC", afterDiffering)}), (SELECT f."effectiveAt" ${entries("f", moment, "ASC")}))`;
  return Prisma.sql`
    SELECT ${COLUMNS},
      CASE WHEN ${storedRunHolds(moment)} THEN s."runStartedAt" ELSE ${replayed} END AS "since"
    FROM "Mission" m
    LEFT JOIN "StatusChange" s ON s."id" = (SELECT x."id" ${entries("x", moment, "DESC")})
    WHERE ${scopeWhere(scope, moment)}`;
}

const toDate = (value: StoredInstant) => new Date(value);
const toDateOrNull = (value: StoredInstant | null) => (value === null ? null : toDate(value));

/** A report confirms its status when it was made, but as of T nothing is confirmed later than T. */
function verifiedAsOf(kind: string, effectiveAt: Date, recordedAt: Date, at: Date): Date | null {
  if (kind === "expiry") return null;
  if (kind === "scheduled") return effectiveAt;
  const confirmed = recordedAt > effectiveAt ? recordedAt : effectiveAt;
  return confirmed > at ? at : confirmed;
}

function toAsOfRow(raw: RawRow, moment: Moment, freshness: FreshnessContext, names: Map<string, string>): AsOfRow {
  const [missionId, slug, sendingCode, hostCode, city, type, timeZone, createdAt, entryId, kind, newStatus, previousStatus, reason, sourceUrl, sourceTitle, effectiveAtText, recordedAtText, until, follows, version, since] = raw;
  const where = `the history of mission ${missionId}`;
  const effectiveAt = toDateOrNull(effectiveAtText);
  const recordedAt = toDateOrNull(recordedAtText);
  const hasEntry = entryId !== null && effectiveAt !== null && recordedAt !== null && kind !== null;
  const row: Omit<AsOfRow, "freshness"> = {
    id: missionId,
    slug,
    sendingCode,
    sendingName: names.get(sendingCode) ?? sendingCode,
    hostCode,
    hostName: names.get(hostCode) ?? hostCode,
    city,
    type: storedMissionType(type, where),
    timeZone,
    status: hasEntry ? storedHistoryStatus(newStatus, where) : null,
    statusReason: hasEntry ? reason : null,
    sourceUrl: hasEntry ? sourceUrl : null,
    sourceTitle: hasEntry ? sourceTitle : null,
    statusSince: hasEntry ? toDateOrNull(since) : null,
    verifiedAt: hasEntry ? verifiedAsOf(kind, effectiveAt, recordedAt, moment.at) : null,
    statusUntil: hasEntry ? toDateOrNull(until) : null,
    statusFollows: hasEntry ? follows : null,
    expectedAfter: hasEntry && kind === "expiry" ? previousStatus : null,
    version: version ?? 0,
    updatedAt: recordedAt ?? toDate(createdAt),
    entryId: hasEntry ? entryId : null,
  };
  return Object.assign(row, { freshness: freshnessOf(row, freshness.policyFor(hostCode), moment.at) });
}

const OUTPUT = [...FIELDS.map((field, index) => ({ name: `c${index}`, instant: field[2] === "instant" })), { name: "since", instant: true }];

/**
 * Each mission of the scope as it stood at `moment`: status, reason, source, since, until and
 * freshness judged at T (with today's freshness policies). Ordered by mission id.
 */
export async function loadMissionsAsOf(db: Db, scope: AsOfScope, moment: Moment, freshness: FreshnessContext): Promise<AsOfRow[]> {
  const statement = asOfStatement(scope, moment);
  const [rows, countries] = await Promise.all([queryJsonRows<RawRow>(db, statement, OUTPUT), db.country.findMany({ select: { code: true, name: true } })]);
  const names = new Map(countries.map((country) => [country.code, country.name]));
  return rows.map((raw) => toAsOfRow(raw, moment, freshness, names)).sort((a, b) => a.id - b.id);
}

/**
 * "Data last updated" of a scope at `moment`, as lastUpdatedOf would give over the whole table
 * (the newest "since" and confirmation among its rows), aggregated in the database: the pages
 * at a moment no longer hold the whole table (decision 044). A confirmation is never later
 * than T, an expiry confirms nothing, a scheduled change confirms at its effective time
 * (verifiedAsOf above).
 */
export async function loadLastUpdatedAsOf(db: Db, scope: AsOfScope, moment: Moment): Promise<{ statusSince: Date | null; verifiedAt: Date | null }> {
  const at = moment.at;
  // c9 kind, c15 effectiveAt, c16 recordedAt (FIELDS above).
  const latest = (column: string) => Prisma.sql`CASE WHEN t."${Prisma.raw(column)}" > ${at} THEN ${at} ELSE t."${Prisma.raw(column)}" END`;
  const verified = Prisma.sql`CASE WHEN t."c9" = 'expiry' THEN NULL WHEN t."c9" = 'scheduled' THEN t."c15" WHEN t."c16" > t."c15" THEN ${latest("c16")} ELSE ${latest("c15")} END`;
  const statement = Prisma.sql`SELECT MAX(t."since") AS "since", MAX(${verified}) AS "verified" FROM (${asOfStatement(scope, moment)}) t`;
  const [row] = await queryJsonRows<[since: StoredInstant | null, verified: StoredInstant | null]>(db, statement, [
    { name: "since", instant: true },
    { name: "verified", instant: true },
  ]);
  return { statusSince: row ? toDateOrNull(row[0]) : null, verifiedAt: row ? toDateOrNull(row[1]) : null };
}
