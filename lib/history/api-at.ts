// `at=`/`known=` on the API's other endpoints: one mission (detail, history, badge), the host
// countries' counts and the feeds, as they stood at a moment. The handlers (lib/api/handlers.ts)
// hand a request here when it names a moment; today's answers stay theirs.
import { statusBadgeSvg } from "@/lib/api/badge";
import { queryRecord } from "@/lib/api/query";
import type { LoadedChange } from "@/lib/api/read-model";
import { MissionHistoryLangQuerySchema, type ApiCountryList, type ApiMissionHistory } from "@/lib/api/schema";
import { toApiChange, toApiMission } from "@/lib/api/serialize";
import { withLocalNames } from "@/lib/i18n/api-names";
import { loadLocalReasons } from "@/lib/i18n/api-reasons";
import { reasonTextsAsOf } from "@/lib/i18n/reason-moment";
import type { Db } from "@/lib/db/create";
import { BadRequestError, NotFoundError, parameterErrors, type FieldError } from "@/lib/errors";
import { dataTags } from "@/lib/http/cache-tags";
import { errorResponse, jsonResponse, publicResponse } from "@/lib/http/response";
import type { Produced } from "@/lib/http/response-cache";
import { decodeHistoryCursor, HISTORY_PAGE_SIZE, historyOrder, olderThan, toHistoryPage, type HistoryCursor } from "@/lib/missions/history-page";
import { SlugSchema } from "@/lib/missions/slug";
import { missionTypeLabel } from "@/lib/missions/types";
import { loadFreshnessContext, type FreshnessContext } from "@/lib/status/freshness-policies";
import { describeStatus } from "@/lib/status/wording";
import { loadMissionsAsOf, type AsOfRow } from "./as-of";
import { historyEntrySelect } from "./entry-select";
import { loadHostSummariesAsOf } from "./host-summaries";
import { momentCacheHeaders } from "./http";
import { parseMoment, type Moment } from "./moment";

interface Context {
  db: Db;
  origin: string;
  now?: () => Date;
}

const MOMENT_PARAMETERS = ["at", "known"] as const;

/** Whether a request names a moment (then this module answers it). */
export function asksForMoment(params: URLSearchParams): boolean {
  return MOMENT_PARAMETERS.some((name) => params.has(name));
}

const badRequest = (fields: FieldError[]): Produced => ({
  response: errorResponse(new BadRequestError(`Invalid ${[...new Set(fields.map((field) => field.field))].join(", ")}`, { fields })),
  tags: [],
});

/** The moment, and the rest of the query for the endpoint's own parameters; every other parameter is a 400. */
function readMoment(params: URLSearchParams, ctx: Context, allowed: readonly string[]): { ok: true; moment: Moment; rest: Record<string, string> } | { ok: false; produced: Produced } {
  const { at, known, ...rest } = queryRecord(params);
  const unknown = Object.keys(rest).filter((name) => !allowed.includes(name));
  if (unknown.length) return { ok: false, produced: badRequest(unknown.map((field) => ({ field, message: "is not a known parameter" }))) };
  const parsed = parseMoment({ at, known }, ctx.now);
  if (!parsed.ok) return { ok: false, produced: badRequest(parsed.errors) };
  if (!parsed.moment) return { ok: false, produced: badRequest([{ field: "at", message: "is required with known" }]) };
  return { ok: true, moment: parsed.moment, rest };
}

/** Entries that count at the moment, as a Prisma `where` on StatusChange (the SQL twin is in as-of.ts). */
export function knownAtWhere(moment: Moment) {
  return { effectiveAt: { lte: moment.at }, ...(moment.known === "then" ? { recordedAt: { lte: moment.at } } : {}) };
}

/** A page of a mission's history as known at the moment, newest first (the cursors of lib/missions/history-page.ts). */
export async function loadHistoryAsOf(db: Db, missionId: number, moment: Moment, page: { before: HistoryCursor | null; limit: number }) {
  const fetched = await db.statusChange.findMany({
    where: { missionId, AND: [olderThan(page.before), knownAtWhere(moment)] },
    orderBy: [...historyOrder],
    take: page.limit + 1,
    include: { event: { select: { slug: true, name: true } } },
  });
  return toHistoryPage(fetched, page.limit);
}

const freshnessAt = (db: Db, moment: Moment) => loadFreshnessContext(db, moment.at);

/** GET /missions/{slug}[/history|/badge.svg]?at=…: the mission as it stood; nothing upcoming (the schedule then is not kept). */
export async function produceMissionAsOf(ctx: Context, rawSlug: string, part: "mission" | "history" | "badge", params: URLSearchParams): Promise<Produced> {
  const slug = SlugSchema.safeParse(rawSlug);
  if (!slug.success) return badRequest(slug.error.issues.map((issue) => ({ field: "slug", message: issue.message })));
  const read = readMoment(params, ctx, part === "history" ? ["before", "limit", "lang"] : part === "mission" ? ["lang"] : []);
  if (!read.ok) return read.produced;
  const { moment } = read;
  const historyQuery = MissionHistoryLangQuerySchema.safeParse(read.rest);
  if (!historyQuery.success) return badRequest(parameterErrors(historyQuery.error));
  const before = historyQuery.data.before === undefined ? null : decodeHistoryCursor(historyQuery.data.before);
  if (historyQuery.data.before !== undefined && !before) return badRequest([{ field: "before", message: "is not a cursor returned by this API" }]);

  const found = await ctx.db.mission.findUnique({ where: { slug: slug.data }, select: { id: true } });
  const [row] = found ? await loadMissionsAsOf(ctx.db, { missionId: found.id }, moment, await freshnessAt(ctx.db, moment)) : [];
  if (!row) {
    return {
      response: errorResponse(new NotFoundError(`Mission "${slug.data}" not found at that moment`, { fields: [{ field: "slug", message: "no mission had this slug then" }] })),
      tags: ["*"],
    };
  }
  const headers = momentCacheHeaders(moment, ctx.now?.() ?? new Date());
  const tags = dataTags({ missionIds: [row.id] });
  if (part === "badge") return { response: badgeOf(row, moment, headers), tags };
  const { lang } = historyQuery.data;
  const page = part === "history" ? await loadHistoryAsOf(ctx.db, row.id, moment, { before, limit: historyQuery.data.limit ?? HISTORY_PAGE_SIZE }) : { entries: [], nextCursor: null };
  const local = await loadLocalReasons(ctx.db, [row.statusReason, ...page.entries.map((change) => change.reason)].map((reason) => ({ missionId: row.id, reason })), lang, reasonTextsAsOf(moment));
  const mission = { ...local(withLocalNames(toApiMission(row, ctx.origin, moment.at), lang), row.id, row.statusReason), upcoming: [] };
  if (part === "mission") return { response: jsonResponse(200, mission, headers), tags };
  const body: ApiMissionHistory = {
    mission,
    history: page.entries.map(({ event, ...change }) => local({ ...toApiChange(change), event }, row.id, change.reason)),
    nextCursor: page.nextCursor,
  };
  return { response: jsonResponse(200, body, headers), tags };
}

function badgeOf(row: AsOfRow, moment: Moment, headers: Record<string, string>) {
  const label = `${row.sendingName} ${missionTypeLabel(row.type).toLowerCase()}, ${row.city}`;
  return publicResponse(200, "image/svg+xml; charset=utf-8", statusBadgeSvg(label, row.status, row.freshness, describeStatus(row, moment.at).text), {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    ...headers,
  });
}

/** GET /countries?at=…: each host country's counts as they stood. */
export async function produceCountriesAsOf(ctx: Context, params: URLSearchParams): Promise<Produced> {
  const read = readMoment(params, ctx, []);
  if (!read.ok) return read.produced;
  const summaries = await loadHostSummariesAsOf(ctx.db, read.moment, await freshnessAt(ctx.db, read.moment));
  const body: ApiCountryList = { data: summaries.map(({ code, name, missions, counts, confirmed, unconfirmed }) => ({ code, name, missions, counts, confirmed, unconfirmed })) };
  return { response: jsonResponse(200, body, momentCacheHeaders(read.moment, ctx.now?.() ?? new Date())), tags: ["*"] };
}

/**
 * The feeds as a reader would have fetched them at T: the latest entries recorded by then, each
 * saying how its mission stood at T (as known now or then). With the freshness judged at T.
 */
export async function loadRecentChangesAsOf(db: Db, filter: { hostCodes: string[]; sendingCodes: string[] }, moment: Moment, limit = 50): Promise<{ changes: LoadedChange[]; freshness: FreshnessContext }> {
  const entries = await db.statusChange.findMany({
    where: {
      recordedAt: { lte: moment.at },
      mission: {
        OR: [{ archivedAt: null }, { archivedAt: { gt: moment.at } }],
        ...(filter.hostCodes.length ? { hostCode: { in: filter.hostCodes } } : {}),
        ...(filter.sendingCodes.length ? { sendingCode: { in: filter.sendingCodes } } : {}),
      },
    },
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: historyEntrySelect,
  });
  const freshness = await freshnessAt(db, moment);
  const missionIds = [...new Set(entries.map((entry) => entry.missionId))];
  const rows = new Map((missionIds.length ? await loadMissionsAsOf(db, { missionIds }, moment, freshness) : []).map((row) => [row.id, row]));
  const changes = entries.flatMap(({ missionId, ...entry }) => {
    const row = rows.get(missionId);
    if (!row) return [];
    const mission = {
      id: row.id,
      slug: row.slug,
      sendingCode: row.sendingCode,
      hostCode: row.hostCode,
      city: row.city,
      type: row.type,
      timeZone: row.timeZone,
      sending: { name: row.sendingName },
      host: { name: row.hostName },
      status: row.status,
      statusSince: row.statusSince,
      statusUntil: row.statusUntil,
      statusFollows: row.statusFollows,
      expectedAfter: row.expectedAfter,
      verifiedAt: row.verifiedAt,
    };
    return [{ ...entry, mission } satisfies LoadedChange];
  });
  return { changes, freshness };
}

