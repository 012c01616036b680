// A mission table row (row-select.ts's MissionRow) read by a raw statement: Mission m with its
// two countries' names, every row one JSON array (lib/history/json-rows.ts). Prisma's decoding
// of each row and column cost more than the statement at world scale on PostgreSQL (decision
// 052), so the scope pages and today's paged tables (list-query.ts) read rows this way.
import type { Db } from "@/lib/db/create";
import { storedMissionType, storedStatus } from "@/lib/db/stored-values";
import { Prisma } from "@/lib/generated/sqlite/client";
import { queryJsonRows } from "@/lib/history/json-rows";
import { freshnessOf } from "@/lib/status/freshness";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import type { MissionRow } from "./row-select";

/** The statement's columns, in the order of each row's JSON array. */
const COLUMNS = [
  { name: "id" }, { name: "slug" }, { name: "sendingCode" }, { name: "hostCode" }, { name: "city" }, { name: "type" }, { name: "status" },
  { name: "statusReason" }, { name: "sourceUrl" }, { name: "sourceTitle" }, { name: "statusSince", instant: true }, { name: "verifiedAt", instant: true },
  { name: "statusUntil", instant: true }, { name: "statusFollows" }, { name: "expectedAfter" }, { name: "timeZone" }, { name: "version" },
  { name: "updatedAt", instant: true }, { name: "sendingName" }, { name: "hostName" },
] as const;

type Instant = number;
type RawRow = [
  id: number, slug: string, sendingCode: string, hostCode: string, city: string, type: string, status: string | null,
  statusReason: string | null, sourceUrl: string | null, sourceTitle: string | null, statusSince: Instant | null, verifiedAt: Instant | null,
  statusUntil: Instant | null, statusFollows: string | null, expectedAfter: string | null, timeZone: string, version: number,
  updatedAt: Instant, sendingName: string, hostName: string,
];

const MISSION_COLUMNS = Prisma.raw(
  COLUMNS.slice(0, -2)
    .map(({ name }) => `m."${name}"`)
    .join(", "),
);

const toDateOrNull = (value: Instant | null) => (value === null ? null : new Date(value));

function toRow(raw: RawRow, context: FreshnessContext): MissionRow {
  const [id, slug, sendingCode, hostCode, city, type, status, statusReason, sourceUrl, sourceTitle, statusSince, verifiedAt, statusUntil, statusFollows, expectedAfter, timeZone, version, updatedAt, sendingName, hostName] = raw;
  const row: Omit<MissionRow, "freshness"> = {
    id,
    slug,
    sendingCode,
    hostCode,
    city,
    type: storedMissionType(type, "Mission.type"),
    status: storedStatus(status, "Mission.status"),
    statusReason,
    sourceUrl,
    sourceTitle,
    statusSince: toDateOrNull(statusSince),
    verifiedAt: toDateOrNull(verifiedAt),
    statusUntil: toDateOrNull(statusUntil),
    statusFollows,
    expectedAfter,
    timeZone,
    version,
    updatedAt: new Date(updatedAt),
    sendingName,
    hostName,
  };
  return Object.assign(row, { freshness: freshnessOf(row, context.policyFor(hostCode), context.now) });
}

/**
 * The rows of Mission m that `conditions` keep, fresh as of the context's now, in the order of
 * `rest` (ORDER BY … LIMIT …, or nothing: then in no particular order). JSON aggregation does
 * not promise to keep a subquery's order, so a caller that needs one sorts what it gets.
 */
export async function loadMissionRowsWhere(db: Db, conditions: readonly Prisma.Sql[], context: FreshnessContext, rest: Prisma.Sql = Prisma.empty): Promise<MissionRow[]> {
  const where = conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`1 = 1`;
  const statement = Prisma.sql`
    SELECT ${MISSION_COLUMNS}, sc."name" AS "sendingName", hc."name" AS "hostName"
    FROM "Mission" m
    JOIN "Country" sc ON sc."code" = m."sendingCode"
    JOIN "Country" hc ON hc."code" = m."hostCode"
    WHERE ${where} ${rest}`;
  const rows = await queryJsonRows<RawRow>(db, statement, COLUMNS);
  return rows.map((raw) => toRow(raw, context));
}
