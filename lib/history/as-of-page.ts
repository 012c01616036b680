// One page of the table as it stood at a moment, as every list is paged (100 rows and a cursor,
// decision 026), without replaying every mission in full (decision 039). Which missions match,
// their per-status totals and their order need only each mission's status at T, one lookup
// per mission that never leaves the history-order index, and the mission's folded sort keys;
// only the page's rows are then read in full by the as-of table's own read (lib/history/as-of.ts).
// Filters that need more than that (text search, "confirmed", which needs each row's
// freshness) and the orders by since or verification time take the whole table in memory.
import type { Db } from "@/lib/db/create";
import { storedHistoryStatus, storedMissionType } from "@/lib/db/stored-values";
import { Prisma } from "@/lib/generated/sqlite/client";
import { encodeCursor } from "@/lib/missions/cursor";
import { countByStatus, pageMissions } from "@/lib/missions/filter-missions";
import { parseMissionFiltersLeniently, type MissionFilters } from "@/lib/missions/filters";
import type { MissionPage } from "@/lib/missions/list-query";
import { comparePositions, type SortPosition } from "@/lib/missions/order";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import { emptyStatusCounts, statusFilterOf, type StatusCounts } from "@/lib/status/schema";
import { foldText } from "@/lib/text/fold";
import { loadMissionsAsOf, type AsOfRow } from "./as-of";
import { queryJsonRows } from "./json-rows";
import type { Moment } from "./moment";

type LightRow = [id: number, sendingKey: string, hostKey: string, cityKey: string, type: string, status: string | null];

const LIGHT_COLUMNS = [{ name: "id" }, { name: "sendingKey" }, { name: "hostKey" }, { name: "cityKey" }, { name: "type" }, { name: "status" }] as const;

/** Whether the page can be found from statuses and sort keys alone. */
export function pagesByStatusAlone(filters: MissionFilters, changedSince: Date | undefined): boolean {
  return !filters.q && !filters.confirmed && !changedSince && filters.sort !== "since" && filters.sort !== "verified";
}

/** Each mission of the scope with its sort keys and its status at T (the standing entry's, as as-of.ts picks it). */
function lightStatement(filters: MissionFilters, moment: Moment): Prisma.Sql {
  const recorded = moment.known === "then" ? Prisma.sql`AND x."recordedAt" <= ${moment.at}` : Prisma.empty;
  const status = Prisma.sql`(SELECT x."newStatus" FROM "StatusChange" x WHERE x."missionId" = m."id" AND x."effectiveAt" <= ${moment.at} ${recorded}
    ORDER BY x."effectiveAt" DESC, x."recordedAt" DESC, x."id" DESC LIMIT 1)`;
  const conditions = [Prisma.sql`(m."archivedAt" IS NULL OR m."archivedAt" > ${moment.at})`];
  if (filters.host) conditions.push(Prisma.sql`m."hostCode" = ${filters.host}`);
  if (filters.city) conditions.push(Prisma.sql`m."cityKey" = ${foldText(filters.city)}`);
  if (filters.sending.length) conditions.push(Prisma.sql`m."sendingCode" IN (${Prisma.join(filters.sending)})`);
  if (filters.type.length) conditions.push(Prisma.sql`m."type" IN (${Prisma.join(filters.type)})`);
  const inner = Prisma.sql`SELECT m."id", m."sendingKey", m."hostKey", m."cityKey", m."type", m."hostCode", m."createdAt", ${status} AS "status" FROM "Mission" m WHERE ${Prisma.join(conditions, " AND ")}`;
  // As known then, a mission added after T was not in the table, unless an entry about it had
  // been recorded by then (as-of.ts). Materialized: a plain subquery is flattened by both
  // databases, and the lookup then ran twice per mission, once for the condition and once for
  // the column (decision 044).
  return moment.known === "then" ? Prisma.sql`WITH u AS MATERIALIZED (${inner}) SELECT * FROM u WHERE u."createdAt" <= ${moment.at} OR u."status" IS NOT NULL` : inner;
}

/**
 * The page of the as-of table that `filters` and `after` ask for: the same rows, totals, count
 * and cursor as pageMissions over the whole table (tests/integration/as-of.test.ts compares them).
 */
export async function loadMissionPageAsOf(
  db: Db,
  moment: Moment,
  request: { filters: MissionFilters; limit: number; after: SortPosition | null; changedSince?: Date },
  freshness: FreshnessContext,
): Promise<MissionPage & { rows: AsOfRow[] }> {
  const { filters, limit, after } = request;
  if (!pagesByStatusAlone(filters, request.changedSince)) {
    const rows = (await loadMissionsAsOf(db, { hostCode: filters.host }, moment, freshness)).filter((row) => !request.changedSince || row.updatedAt >= request.changedSince);
    return pageMissions(rows, filters, { limit, after });
  }
  const light = await queryJsonRows<LightRow>(db, lightStatement(filters, moment), LIGHT_COLUMNS);
  const where = "the as-of page";
  const positions: SortPosition[] = light.map(([id, sendingKey, hostKey, cityKey, type, status]) => ({
    id,
    sendingKey,
    hostKey,
    cityKey,
    type: storedMissionType(type, where),
    status: storedHistoryStatus(status, where),
    statusSince: null,
    verifiedAt: null,
  }));
  const totals = countByStatus(positions);
  const selected = filters.status.length ? positions.filter((position) => filters.status.includes(statusFilterOf(position.status))) : positions;
  const compare = comparePositions(filters);
  selected.sort(compare);
  const start = after ? selected.findIndex((position) => compare(position, after) > 0) : 0;
  const pageIds = start < 0 ? [] : selected.slice(start, start + limit).map((position) => position.id);
  const full = new Map((pageIds.length ? await loadMissionsAsOf(db, { missionIds: pageIds }, moment, freshness) : []).map((row) => [row.id, row]));
  const rows = pageIds.flatMap((id) => full.get(id) ?? []);
  const last = rows.at(-1);
  const hasMore = start >= 0 && start + limit < selected.length;
  return { rows, totals, matching: selected.length, nextCursor: hasMore && last ? encodeCursor(last, filters) : null };
}

/** Per host country: how many missions, and how many per status, at `moment`. */
export interface HostCountsAsOf {
  code: string;
  name: string;
  missions: number;
  counts: StatusCounts;
}

/**
 * The home page's host table at a moment (decision 044): the per-status counts of every host,
 * counted in the database from each mission's status at T (the same lookup as the pages'),
 * never the whole table in memory. Ordered by name then code, as loadHostSummaries is.
 */
export async function loadHostCountsAsOf(db: Db, moment: Moment): Promise<HostCountsAsOf[]> {
  const statement = Prisma.sql`SELECT t."hostCode", t."status", COUNT(*) AS "missions" FROM (${lightStatement(parseMissionFiltersLeniently({}), moment)}) t GROUP BY t."hostCode", t."status"`;
  const [groups, countries] = await Promise.all([
    queryJsonRows<[hostCode: string, status: string | null, missions: number | string]>(db, statement, [{ name: "hostCode" }, { name: "status" }, { name: "missions" }]),
    db.country.findMany({ select: { code: true, name: true } }),
  ]);
  const names = new Map(countries.map((country) => [country.code, country.name]));
  const byHost = new Map<string, HostCountsAsOf>();
  for (const [code, status, missions] of groups) {
    let host = byHost.get(code);
    if (!host) byHost.set(code, (host = { code, name: names.get(code) ?? code, missions: 0, counts: emptyStatusCounts() }));
    // PostgreSQL's COUNT is a bigint, which its JSON gives as a number: Number() for both.
    host.missions += Number(missions);
    host.counts[statusFilterOf(storedHistoryStatus(status, "the host counts as of a moment"))] += Number(missions);
  }
  return [...byHost.values()].sort((a, b) => a.name.localeCompare(b.name, "en") || a.code.localeCompare(b.code));
}
