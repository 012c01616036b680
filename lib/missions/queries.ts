import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { freshnessOf } from "@/lib/status/freshness";
import { loadFreshnessContext, type FreshnessContext } from "@/lib/status/freshness-policies";
import { describeStatus } from "@/lib/status/wording";
import { EVENT_CHANGES_PAGE_SIZE, loadEvent, loadMissionDetail, loadRecentChanges, type LoadedChange } from "@/lib/api/read-model";
import { decodeCursor } from "./cursor";
import type { MissionFilters } from "./filters";
import { pageMissions } from "./filter-missions";
import { loadMissionPage, PUBLIC_PAGE_SIZE, type MissionPage } from "./list-query";
import type { MissionRow } from "./row-select";
import { loadScopeRows, type ScopeOfRows } from "./scope-rows";
import { SlugSchema } from "./slug";
import { decodeHistoryCursor, HISTORY_PAGE_SIZE } from "./history-page";

export type MissionScope = { hostCode: string } | { sendingCode: string } | { all: true };

export { PUBLIC_PAGE_SIZE } from "./list-query";

const scopeWhere = (scope: MissionScope) => ({ archivedAt: null, ...("hostCode" in scope ? { hostCode: scope.hostCode } : "sendingCode" in scope ? { sendingCode: scope.sendingCode } : {}) });

/** The freshness policies, read once per render however many reads of that render judge freshness (React `cache`). */
const freshnessAt = cache((nowMs: number) => loadFreshnessContext(getDb(), new Date(nowMs)));
export const getFreshnessContext = (now: Date) => freshnessAt(now.getTime());

/** One page of today's table for these filters, fresh as of `now`; a cursor that does not parse shows the first page. */
export async function getMissionPage(filters: MissionFilters, after: string | undefined, now: Date): Promise<MissionPage> {
  const position = after ? decodeCursor(after, filters) : null;
  const freshness = await freshnessAt(now.getTime());
  return loadMissionPage(getDb(), freshness, { filters, limit: PUBLIC_PAGE_SIZE, after: typeof position === "string" ? null : position });
}

/** The newest status change and confirmation in a table's whole scope ("Data last updated"). */
export async function getLastUpdated(scope: MissionScope) {
  const latest = await getDb().mission.aggregate({ where: scopeWhere(scope), _max: { statusSince: true, verifiedAt: true } });
  return { statusSince: latest._max.statusSince, verifiedAt: latest._max.verifiedAt };
}

/** Every active mission of one host or sending country, fresh as of `now` (lib/missions/scope-rows.ts). */
export async function getScopeRows(scope: ScopeOfRows, now: Date): Promise<MissionRow[]> {
  return loadScopeRows(getDb(), scope, await freshnessAt(now.getTime()));
}

/** One active mission with its history, and its freshness as of `now`; a malformed slug is not looked up. */
export async function getMissionBySlug(slug: string, now: Date, page: { before?: string } = {}) {
  if (!SlugSchema.safeParse(slug).success) return null;
  // A cursor from an old link that no longer parses shows the newest entries.
  const before = page.before ? decodeHistoryCursor(page.before) : null;
  const [mission, context] = await Promise.all([loadMissionDetail(getDb(), slug, { before, limit: HISTORY_PAGE_SIZE }), loadFreshnessContext(getDb(), now)]);
  if (!mission) return null;
  const policy = context.policyFor(mission.hostCode);
  return { ...mission, olderHistory: mission.nextCursor, isLatestHistory: !before, freshness: freshnessOf(mission, policy, now), policy };
}

export type MissionDetail = NonNullable<Awaited<ReturnType<typeof getMissionBySlug>>>;

/** What a change's mission says about its status today (every change read selects it). */
type ChangeMission = Pick<LoadedChange["mission"], "hostCode" | "timeZone" | "status" | "statusSince" | "statusUntil" | "statusFollows" | "expectedAfter" | "verifiedAt">;

/** Past reports are shown with the mission's status today, in words. */
function withStatusNow<C extends { mission: ChangeMission }>(changes: C[], { policyFor, now }: FreshnessContext) {
  return changes.map((change) => {
    const freshness = freshnessOf(change.mission, policyFor(change.mission.hostCode), now);
    const factsNow = { ...change.mission, freshness };
    // statusNow in English (feeds, API); factsNow for a page to word in its reader's language.
    return { ...change, statusNow: describeStatus(factsNow, now).text, factsNow, judgedAt: now };
  });
}

/** The most recently recorded status reports, newest first. */
export async function getLatestChanges(limit: number, now: Date, where: { hostCode?: string } = {}) {
  const [changes, freshness] = await Promise.all([loadRecentChanges(getDb(), { hostCodes: where.hostCode ? [where.hostCode] : [], sendingCodes: [] }, limit), freshnessAt(now.getTime())]);
  return withStatusNow(changes, freshness);
}

export type LatestChange = Awaited<ReturnType<typeof getLatestChanges>>[number];

/** An event with the newest page of its reports (older ones after `before`); a malformed slug is not looked up. */
export async function getEventBySlug(slug: string, now: Date, page: { before?: string } = {}) {
  if (!SlugSchema.safeParse(slug).success) return null;
  const before = page.before ? decodeHistoryCursor(page.before) : null;
  const [event, freshness] = await Promise.all([loadEvent(getDb(), slug, { before, limit: EVENT_CHANGES_PAGE_SIZE }), loadFreshnessContext(getDb(), now)]);
  return event && { ...event, changes: withStatusNow(event.changes, freshness), isLatest: !before };
}

/** The same page of rows held in memory (the as-of tables), by the same order and cursors. */
export function pageOfRows(rows: readonly MissionRow[], filters: MissionFilters, after: string | undefined): MissionPage {
  const position = after ? decodeCursor(after, filters) : null;
  return pageMissions(rows, filters, { limit: PUBLIC_PAGE_SIZE, after: typeof position === "string" ? null : position });
}
