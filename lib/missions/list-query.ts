// Today's mission tables, filtered, ordered, counted and paged in the database (decision 026):
// the API list and CSV, search, the host, city and sending country pages and the editor's
// list. Takes the client (no `server-only`) so the custom server reads through it too.
import type { Db } from "@/lib/db/create";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { DEFAULT_POLICY, staleCutoff } from "@/lib/status/freshness";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import { emptyStatusCounts, STATUSES, statusFilterOf, type StatusCounts, type StatusFilter } from "@/lib/status/schema";
import { foldText } from "@/lib/text/fold";
import { encodeCursor } from "./cursor";
import type { MissionFilters } from "./filters";
import { missionOrderBy, missionsAfter, sortPositionOf, type SortPosition } from "./order";
import { missionRowSelect, toMissionRow, type MissionRow } from "./row-select";
import { searchWords } from "./search-text";

/** Limits every list shares: a page never holds more than MAX_PAGE_SIZE rows. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export interface MissionListScope {
  changedSince?: Date;
  /** An editor's host countries (null or absent: every country). */
  hostScope?: readonly string[] | null;
  /** The editor's archive instead of the active missions. */
  archived?: boolean;
}

/**
 * The database form of isConfirmed(freshnessOf(…)): verified after the stale cutoff of its
 * status in its host. Hosts with their own policy get their own cutoffs; the rest share the
 * defaults. tests/integration/freshness-api.test.ts checks it against freshnessOf.
 */
export function confirmedWhere(context: FreshnessContext): Prisma.MissionWhereInput {
  const policyHosts = [...context.hostsWithPolicy];
  const byStatus = (hostCode: Prisma.StringFilter | string, cutoffs: (status: (typeof STATUSES)[number]) => Date) =>
    STATUSES.map((status) => ({ hostCode, status, verifiedAt: { gt: cutoffs(status) } }));
  return {
    OR: [
      ...byStatus({ notIn: policyHosts }, (status) => staleCutoff(status, DEFAULT_POLICY, context.now)),
      ...policyHosts.flatMap((host) => byStatus(host, (status) => staleCutoff(status, context.policyFor(host), context.now))),
    ],
  };
}

function statusWhere(statuses: readonly StatusFilter[]): Prisma.MissionWhereInput {
  const reported = statuses.filter((status) => status !== "unreported");
  return { OR: [...(reported.length ? [{ status: { in: reported } }] : []), ...(statuses.includes("unreported") ? [{ status: null }] : [])] };
}

/** Every filter except status (the set whose per-status totals the views show), as SQL. */
export function missionFilterWhere(filters: MissionFilters, context: FreshnessContext, scope: MissionListScope = {}): Prisma.MissionWhereInput {
  const words = filters.q ? searchWords(filters.q) : [];
  const conditions: Prisma.MissionWhereInput[] = [
    { archivedAt: scope.archived ? { not: null } : null },
    ...(filters.host ? [{ hostCode: filters.host }] : []),
    ...(scope.hostScope ? [{ hostCode: { in: [...scope.hostScope] } }] : []),
    ...(filters.city ? [{ cityKey: foldText(filters.city) }] : []),
    ...(filters.sending.length ? [{ sendingCode: { in: filters.sending } }] : []),
    ...(filters.type.length ? [{ type: { in: filters.type } }] : []),
    ...(filters.confirmed ? [confirmedWhere(context)] : []),
    ...words.map((word) => ({ searchText: { contains: word } })),
    ...(scope.changedSince ? [{ updatedAt: { gte: scope.changedSince } }] : []),
  ];
  return { AND: conditions };
}

export interface MissionPage {
  rows: MissionRow[];
  /** Per status, every filter but status applied. */
  totals: StatusCounts;
  /** Rows matching every filter, on all pages. */
  matching: number;
  nextCursor: string | null;
}

export function matchingOf(totals: StatusCounts, statuses: readonly StatusFilter[]): number {
  return (statuses.length ? statuses : (Object.keys(totals) as StatusFilter[])).reduce((sum, status) => sum + totals[status], 0);
}

export async function countMissionsByStatus(db: Db, where: Prisma.MissionWhereInput): Promise<StatusCounts> {
  const groups = await db.mission.groupBy({ by: ["status"], where, _count: { _all: true } });
  const totals = emptyStatusCounts();
  for (const group of groups) totals[statusFilterOf(group.status)] += group._count._all;
  return totals;
}

/** One page of rows in the table order, after `after` (a position from the previous page's cursor). */
export async function loadMissionRowsPage(
  db: Db,
  context: FreshnessContext,
  request: { filters: MissionFilters; limit: number; after?: SortPosition | null; scope?: MissionListScope },
): Promise<{ rows: MissionRow[]; nextCursor: string | null }> {
  const { filters } = request;
  const limit = Math.min(Math.max(1, request.limit), MAX_PAGE_SIZE);
  const where: Prisma.MissionWhereInput = {
    AND: [missionFilterWhere(filters, context, request.scope), ...(filters.status.length ? [statusWhere(filters.status)] : []), ...(request.after ? [missionsAfter(filters, request.after)] : [])],
  };
  const found = await db.mission.findMany({ where, orderBy: missionOrderBy(filters), take: limit + 1, select: missionRowSelect });
  const rows = found.slice(0, limit).map((row) => toMissionRow(row, context));
  const last = rows.at(-1);
  return { rows, nextCursor: found.length > limit && last ? encodeCursor(last, filters) : null };
}

/** A page of rows with the totals and count of the whole matching set. */
export async function loadMissionPage(
  db: Db,
  context: FreshnessContext,
  request: { filters: MissionFilters; limit: number; after?: SortPosition | null; scope?: MissionListScope },
): Promise<MissionPage> {
  const [page, totals] = await Promise.all([loadMissionRowsPage(db, context, request), countMissionsByStatus(db, missionFilterWhere(request.filters, context, request.scope))]);
  return { ...page, totals, matching: matchingOf(totals, request.filters.status) };
}

/** Every matching row, read page by page (the CSV): memory holds one page of rows at a time. */
export async function* eachMissionRow(db: Db, context: FreshnessContext, filters: MissionFilters, scope?: MissionListScope): AsyncGenerator<MissionRow> {
  let after: SortPosition | null = null;
  for (;;) {
    const { rows } = await loadMissionRowsPage(db, context, { filters, limit: MAX_PAGE_SIZE, after, scope });
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < MAX_PAGE_SIZE) return;
    after = sortPositionOf(last);
  }
}
