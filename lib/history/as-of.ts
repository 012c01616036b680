// The mission table as it stood at a moment T, replayed from the history (StatusChange). Per
// mission the standing entry is the latest, in the history's order (effectiveAt, recordedAt,
// id), of those effective at or before T, and for known=then also recorded by T. Expiries
// and applied scheduled changes are history entries too, so they replay like reports.
//
// One statement per table, one index seek per mission on (missionId, effectiveAt): a
// correlated subquery on SQLite, LEFT JOIN LATERAL … LIMIT 1 on PostgreSQL. A row_number()
// window over the history is 10-40× slower at a million rows (docs/decisions/022-time-travel.md).
// Takes the client as an argument (no `server-only`): the custom server's API calls it too.
import { isPostgresClient, type Db } from "@/lib/db/create";
import { storedHistoryStatus, storedMissionType } from "@/lib/db/stored-values";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { MissionRow } from "@/lib/missions/filter-missions";
import { freshnessOf } from "@/lib/status/freshness";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import type { Moment } from "./moment";

/** Which missions: one host country, one sending country, one mission, or (all empty) the world. */
export interface AsOfScope {
  hostCode?: string;
  sendingCode?: string;
  missionId?: number;
}

export type AsOfRow = MissionRow & {
  /** When the standing entry was recorded (the mission's creation if none): what changed last, as of T. */
  updatedAt: Date;
  /** The standing entry (null: no status was reported by T). */
  entryId: number | null;
};

interface RawRow {
  missionId: number | bigint;
  slug: string;
  sendingCode: string;
  hostCode: string;
  city: string;
  type: string;
  timeZone: string;
  createdAt: Date | string;
  entryId: number | bigint | null;
  kind: string | null;
  newStatus: string | null;
  previousStatus: string | null;
  reason: string | null;
  sourceUrl: string | null;
  sourceTitle: string | null;
  effectiveAt: Date | string | null;
  recordedAt: Date | string | null;
  until: Date | string | null;
  follows: string | null;
  version: number | bigint | null;
  since: Date | string | null;
}

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
  // What the public was shown: a mission added later was not in the table (unless an entry
  // about it had been recorded by then, as the seed's back-dated reports are).
  if (moment.known === "then") conditions.push(Prisma.sql`(m."createdAt" <= ${moment.at} OR s."id" IS NOT NULL)`);
  return Prisma.join(conditions, " AND ");
}

const NEWEST_FIRST = (alias: string) => Prisma.raw(`${alias}."effectiveAt" DESC, ${alias}."recordedAt" DESC, ${alias}."id" DESC`);

const COLUMNS = Prisma.sql`
  m."id" AS "missionId", m."slug", m."sendingCode", m."hostCode", m."city", m."type", m."timeZone", m."createdAt",
  s."id" AS "entryId", s."kind", s."newStatus", s."previousStatus", s."reason", s."sourceUrl", s."sourceTitle",
  s."effectiveAt", s."recordedAt", s."until", s."follows", s."version"`;

// Country names come from one small query beside it: joining them here made SQLite drive the
// plan from the country table.
const MISSIONS = Prisma.sql`"Mission" m`;

/**
 * When the standing status's run began: the effective time of the first entry after d (the
 * latest with another status), or of the first entry when there is no d. Ties at d's moment
 * are looked at apart, so each lookup is an index range that LIMIT 1 stops early.
 */
function sinceOfRun(moment: Moment): Prisma.Sql {
  const firstEffective = (extra: Prisma.Sql) =>
    Prisma.sql`(SELECT f."effectiveAt" FROM "StatusChange" f WHERE f."missionId" = m."id" AND ${knownBy("f", moment)} ${extra} ORDER BY f."effectiveAt" LIMIT 1)`;
  return Prisma.sql`CASE
        WHEN s."id" IS NULL THEN NULL
        WHEN d."id" IS NULL THEN ${firstEffective(Prisma.empty)}
        WHEN EXISTS (SELECT 1 FROM "StatusChange" t WHERE t."missionId" = m."id" AND ${knownBy("t", moment)} AND t."effectiveAt" = d."effectiveAt"
          AND (t."recordedAt" > d."recordedAt" OR (t."recordedAt" = d."recordedAt" AND t."id" > d."id"))) THEN d."effectiveAt"
        ELSE ${firstEffective(Prisma.sql`AND f."effectiveAt" > d."effectiveAt"`)}
      END`;
}

/**
 * The standing entry s; the latest earlier entry with another status d; and the first entry
 * after d, whose effective time is when the standing status's run began ("since"). SQLite
 * walks an index in order only on its columns: each step first finds the effective time by
 * the (missionId, effectiveAt) index (LIMIT 1 stops at the first row), then breaks ties among
 * the entries of that one moment, so no mission's whole history is ever sorted.
 */
function sqliteStatement(scope: AsOfScope, moment: Moment): Prisma.Sql {
  const latestEffective = (alias: string, extra: Prisma.Sql = Prisma.empty) =>
    Prisma.sql`(SELECT ${Prisma.raw(alias)}."effectiveAt" FROM "StatusChange" ${Prisma.raw(alias)}
      WHERE ${Prisma.raw(alias)}."missionId" = m."id" AND ${knownBy(alias, moment)} ${extra} ORDER BY ${Prisma.raw(alias)}."effectiveAt" DESC LIMIT 1)`;
  const differs = Prisma.sql`AND y2."newStatus" <> s."newStatus"`;
  return Prisma.sql`
    SELECT ${COLUMNS},
      ${sinceOfRun(moment)} AS "since"
    FROM ${MISSIONS}
    LEFT JOIN "StatusChange" s ON s."id" = (
      SELECT x."id" FROM "StatusChange" x WHERE x."missionId" = m."id" AND ${knownBy("x", moment)} AND x."effectiveAt" = ${latestEffective("x2")}
      ORDER BY x."recordedAt" DESC, x."id" DESC LIMIT 1)
    LEFT JOIN "StatusChange" d ON d."id" = (
      SELECT y."id" FROM "StatusChange" y WHERE y."missionId" = m."id" AND ${knownBy("y", moment)} AND y."newStatus" <> s."newStatus"
        AND y."effectiveAt" = ${latestEffective("y2", differs)}
      ORDER BY y."recordedAt" DESC, y."id" DESC LIMIT 1)
    WHERE ${scopeWhere(scope, moment)}`;
}

function postgresStatement(scope: AsOfScope, moment: Moment): Prisma.Sql {
  return Prisma.sql`
    SELECT ${COLUMNS}, ${sinceOfRun(moment)} AS "since"
    FROM ${MISSIONS}
    LEFT JOIN LATERAL (
      SELECT x.* FROM "StatusChange" x WHERE x."missionId" = m."id" AND ${knownBy("x", moment)} ORDER BY ${NEWEST_FIRST("x")} LIMIT 1) s ON true
    LEFT JOIN LATERAL (
      SELECT y."id", y."effectiveAt", y."recordedAt" FROM "StatusChange" y
      WHERE y."missionId" = m."id" AND ${knownBy("y", moment)} AND y."newStatus" <> s."newStatus" ORDER BY ${NEWEST_FIRST("y")} LIMIT 1) d ON true
    WHERE ${scopeWhere(scope, moment)}`;
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));
const toDateOrNull = (value: Date | string | null) => (value === null ? null : toDate(value));
const toNumberOrNull = (value: number | bigint | null) => (value === null ? null : Number(value));

/** A report confirms its status when it was made, but as of T nothing is confirmed later than T. */
function verifiedAsOf(kind: string, effectiveAt: Date, recordedAt: Date, at: Date): Date | null {
  if (kind === "expiry") return null;
  if (kind === "scheduled") return effectiveAt;
  const confirmed = recordedAt > effectiveAt ? recordedAt : effectiveAt;
  return confirmed > at ? at : confirmed;
}

function toAsOfRow(raw: RawRow, moment: Moment, freshness: FreshnessContext, names: Map<string, string>): AsOfRow {
  const where = `the history of mission ${String(raw.missionId)}`;
  const effectiveAt = toDateOrNull(raw.effectiveAt);
  const recordedAt = toDateOrNull(raw.recordedAt);
  const hasEntry = raw.entryId !== null && effectiveAt !== null && recordedAt !== null && raw.kind !== null;
  const row = {
    id: Number(raw.missionId),
    slug: raw.slug,
    sendingCode: raw.sendingCode,
    sendingName: names.get(raw.sendingCode) ?? raw.sendingCode,
    hostCode: raw.hostCode,
    hostName: names.get(raw.hostCode) ?? raw.hostCode,
    city: raw.city,
    type: storedMissionType(raw.type, where),
    timeZone: raw.timeZone,
    status: hasEntry ? storedHistoryStatus(raw.newStatus, where) : null,
    statusReason: hasEntry ? raw.reason : null,
    sourceUrl: hasEntry ? raw.sourceUrl : null,
    sourceTitle: hasEntry ? raw.sourceTitle : null,
    statusSince: hasEntry ? toDateOrNull(raw.since) : null,
    verifiedAt: hasEntry ? verifiedAsOf(raw.kind!, effectiveAt, recordedAt, moment.at) : null,
    statusUntil: hasEntry ? toDateOrNull(raw.until) : null,
    statusFollows: hasEntry ? raw.follows : null,
    expectedAfter: hasEntry && raw.kind === "expiry" ? raw.previousStatus : null,
    version: toNumberOrNull(raw.version) ?? 0,
    updatedAt: recordedAt ?? toDate(raw.createdAt),
    entryId: hasEntry ? Number(raw.entryId) : null,
  };
  return { ...row, freshness: freshnessOf(row, freshness.policyFor(row.hostCode), moment.at) };
}

/**
 * PostgreSQL's planner prices one lateral lookup per mission of the world above its JIT
 * threshold, and compiling took seconds for a statement that runs in milliseconds: off for it.
 */
async function queryAsOf(db: Db, statement: Prisma.Sql): Promise<RawRow[]> {
  if (!isPostgresClient(db)) return db.$queryRaw<RawRow[]>(statement);
  const [, rows] = await db.$transaction([db.$executeRaw`SET LOCAL jit = off`, db.$queryRaw<RawRow[]>(statement)]);
  return rows;
}

/**
 * Each mission of the scope as it stood at `moment`: status, reason, source, since, until and
 * freshness judged at T (with today's freshness policies). Ordered by mission id.
 */
export async function loadMissionsAsOf(db: Db, scope: AsOfScope, moment: Moment, freshness: FreshnessContext): Promise<AsOfRow[]> {
  const statement = isPostgresClient(db) ? postgresStatement(scope, moment) : sqliteStatement(scope, moment);
  const [rows, countries] = await Promise.all([queryAsOf(db, statement), db.country.findMany({ select: { code: true, name: true } })]);
  const names = new Map(countries.map((country) => [country.code, country.name]));
  return rows.map((raw) => toAsOfRow(raw, moment, freshness, names)).sort((a, b) => a.id - b.id);
}
