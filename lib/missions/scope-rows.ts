// Every active mission of one host or one sending country, today, in one raw statement: a
// scope holds at most a few hundred missions, so its page, totals, map, cities and senders
// are all taken from these rows in memory (lib/missions/filter-missions.ts, the same order
// and cursors as the database's) instead of four statements per render (decision 052).
// The rows come back as one JSON text (lib/history/json-rows.ts): Prisma's per-row decoding
// cost more than the statement on PostgreSQL.
import type { Db } from "@/lib/db/create";
import { storedMissionType, storedStatus } from "@/lib/db/stored-values";
import { Prisma } from "@/lib/generated/sqlite/client";
import { queryJsonRows } from "@/lib/history/json-rows";
import { freshnessOf } from "@/lib/status/freshness";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import type { MissionRow } from "./row-select";

export type ScopeOfRows = { hostCode: string } | { sendingCode: string };

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

function scopeStatement(scope: ScopeOfRows): Prisma.Sql {
  const where = "hostCode" in scope ? Prisma.sql`m."hostCode" = ${scope.hostCode}` : Prisma.sql`m."sendingCode" = ${scope.sendingCode}`;
  return Prisma.sql`
    SELECT ${MISSION_COLUMNS}, sc."name" AS "sendingName", hc."name" AS "hostName"
    FROM "Mission" m
    JOIN "Country" sc ON sc."code" = m."sendingCode"
    JOIN "Country" hc ON hc."code" = m."hostCode"
    WHERE m."archivedAt" IS NULL AND ${where}`;
}

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

/** Every active mission of the scope as the tables show it, fresh as of the context's now; ordered by id. */
export async function loadScopeRows(db: Db, scope: ScopeOfRows, context: FreshnessContext): Promise<MissionRow[]> {
  const rows = await queryJsonRows<RawRow>(db, scopeStatement(scope), COLUMNS);
  return rows.map((raw) => toRow(raw, context)).sort((a, b) => a.id - b.id);
}

/** Distinct items by key, in the key's English order (the filter choices). */
export function uniqueSorted<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()].sort((a, b) => key(a).localeCompare(key(b), "en"));
}

/** The newest status change and confirmation among the rows ("Data last updated"). */
export function lastUpdatedOf(rows: readonly Pick<MissionRow, "statusSince" | "verifiedAt">[]) {
  const newest = (pick: (row: Pick<MissionRow, "statusSince" | "verifiedAt">) => Date | null) =>
    rows.reduce<Date | null>((latest, row) => {
      const at = pick(row);
      return at && (!latest || at > latest) ? at : latest;
    }, null);
  return { statusSince: newest((row) => row.statusSince), verifiedAt: newest((row) => row.verifiedAt) };
}

/** What a host's or sender's page says about its whole scope: when its data last changed, its cities and its senders. */
export function scopeFactsOf(rows: readonly MissionRow[]) {
  return {
    lastUpdated: lastUpdatedOf(rows),
    cities: uniqueSorted(rows.map((row) => row.city), (city) => city),
    sending: uniqueSorted(rows.map((row) => ({ code: row.sendingCode, name: row.sendingName })), (country) => country.name),
  };
}
