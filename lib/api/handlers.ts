// The public read API as plain functions: URL in, {status, headers, body} plus cache tags out.
// No Next APIs here, so the custom server can serve these from memory and the Next route
// handler can call the same code.
import type { Db } from "@/lib/db/create";
import type { Locale } from "@/lib/i18n/locales";
import { withLocalName, withLocalNames } from "@/lib/i18n/api-names";
import { loadLocalReasons } from "@/lib/i18n/api-reasons";
import { loadReasonVersions } from "@/lib/i18n/reason-texts";
import { reasonTextsAsOf } from "@/lib/i18n/reason-moment";
import { errorResponse, jsonResponse, publicResponse, type HttpResponse, type StreamedResponse } from "@/lib/http/response";
import type { Produced } from "@/lib/http/response-cache";
import { MissionFiltersSchema, parseMissionFilters, type MissionFilters } from "@/lib/missions/filters";
import { eachMissionRow, loadMissionPage, DEFAULT_PAGE_SIZE, type MissionPage } from "@/lib/missions/list-query";
import type { SortPosition } from "@/lib/missions/order";
import type { MissionRow } from "@/lib/missions/row-select";
import { missionTypeLabel } from "@/lib/missions/types";
import { API_PREFIX } from "./paths";
import { statusBadgeSvg } from "./badge";
import { missionsCsv } from "./csv";
import { decodeCursor } from "@/lib/missions/cursor";
import { atomFeed, jsonFeed } from "./feeds";
import { openApiDocumentJson } from "./openapi";
import { queryRecord } from "./query";
import { loadHostSummaries } from "@/lib/countries/host-summaries";
import { EVENT_CHANGES_PAGE_SIZE, loadEvents, loadMissionWithHistory, loadRecentChanges } from "./read-model";
import { FeedQuerySchema, MissionDetailQuerySchema, MissionHistoryLangQuerySchema, MissionHistoryQuerySchema, MissionListQuerySchema, type ApiCountryList, type ApiEvent, type ApiMissionHistory, type ApiMissionList } from "./schema";
import { toApiChange, toApiMission, toApiUpcoming, toMissionRef } from "./serialize";
import { dataTags, scopeTags, type CacheTag } from "@/lib/http/cache-tags";
import { BadRequestError, NotFoundError, parameterErrors, type FieldError } from "@/lib/errors";
import { SlugSchema } from "@/lib/missions/slug";
import { decodeHistoryCursor, HISTORY_PAGE_SIZE, type HistoryCursor } from "@/lib/missions/history-page";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { describeStatus } from "@/lib/status/wording";
import { loadMissionPageAsOf } from "@/lib/history/as-of-page";
import { eachMissionRowAsOf } from "@/lib/history/as-of-rows";
import { produceChangesCsv, produceChangesResponse } from "@/lib/history/changes-api";
import { asksForMoment, loadRecentChangesAsOf, produceCountriesAsOf, produceMissionAsOf } from "@/lib/history/api-at";
import { momentCacheHeaders } from "@/lib/history/http";
import { parseMoment, type Moment } from "@/lib/history/moment";

export interface ApiContext {
  db: Db;
  origin: string;
  /** The clock freshness is judged by; tests pass a fixed one. */
  now?: () => Date;
}

const freshnessFor = (ctx: ApiContext) => loadFreshnessContext(ctx.db, ctx.now?.() ?? new Date());

export { API_PREFIX, isStreamedApiPath } from "./paths";

const badRequest = (fields: FieldError[]): Produced => ({
  response: errorResponse(new BadRequestError(`Invalid ${[...new Set(fields.map((field) => field.field))].join(", ")}`, { fields })),
  tags: [],
});
const notFound = (what: string, field?: FieldError): Produced => ({
  response: errorResponse(new NotFoundError(`${what} not found`, { fields: field ? [field] : [] })),
  tags: ["*"],
});

/** A path's slug, checked before any query (400 naming it when malformed). */
function slugOrError(slug: string): { ok: true; slug: string } | { ok: false; produced: Produced } {
  const parsed = SlugSchema.safeParse(slug);
  return parsed.success ? { ok: true, slug: parsed.data } : { ok: false, produced: badRequest(parsed.error.issues.map((issue) => ({ field: "slug", message: issue.message }))) };
}

interface ListRequest {
  filters: MissionFilters;
  changedSince?: Date;
  limit: number;
  cursor?: string;
  /** Set: the table as it stood then (lib/history/as-of.ts). */
  moment: Moment | null;
  /** Country names also in this language (`localName`); everything else stays English. */
  lang?: Locale;
}

function parseListQuery(ctx: ApiContext, params: URLSearchParams): { ok: true; value: ListRequest } | { ok: false; errors: FieldError[] } {
  const record = queryRecord(params);
  const { at, known, ...rest } = record;
  const shape = MissionListQuerySchema.safeParse(rest);
  if (!shape.success) return { ok: false, errors: parameterErrors(shape.error) };
  const moment = parseMoment({ at, known }, ctx.now);
  if (!moment.ok) return { ok: false, errors: moment.errors };
  const filters = parseMissionFilters(rest);
  if (!filters.ok) return { ok: false, errors: filters.errors };
  const { changed_since, limit, cursor, lang } = shape.data;
  return { ok: true, value: { filters: filters.filters, changedSince: changed_since, limit: limit ?? DEFAULT_PAGE_SIZE, cursor, moment: moment.moment, lang } };
}

const listTags = (filters: Pick<MissionFilters, "host" | "sending">): CacheTag[] =>
  scopeTags({ hostCodes: filters.host ? [filters.host] : [], sendingCodes: filters.sending });

/** A page of the list: in the database today; for a moment, from the statuses then (lib/history/as-of-page.ts). */
async function selectMissionPage(ctx: ApiContext, request: ListRequest, after: SortPosition | null): Promise<MissionPage & { now: Date }> {
  const freshness = await freshnessFor(ctx);
  const { moment, changedSince } = request;
  if (!moment) return { ...(await loadMissionPage(ctx.db, freshness, { filters: request.filters, limit: request.limit, after, scope: { changedSince } })), now: freshness.now };
  return { ...(await loadMissionPageAsOf(ctx.db, moment, { filters: request.filters, limit: request.limit, after, changedSince }, freshness)), now: moment.at };
}

async function missionList(ctx: ApiContext, params: URLSearchParams): Promise<Produced> {
  const parsed = parseListQuery(ctx, params);
  if (!parsed.ok) return badRequest(parsed.errors);
  const request = parsed.value;
  const after = request.cursor === undefined ? null : decodeCursor(request.cursor, request.filters);
  if (typeof after === "string") return badRequest([{ field: "cursor", message: after }]);
  const { rows, totals, matching, nextCursor, now } = await selectMissionPage(ctx, request, after);
  const local = await loadLocalReasons(ctx.db, rows.map((row) => ({ missionId: row.id, reason: row.statusReason })), request.lang, reasonTextsAsOf(request.moment));
  const body: ApiMissionList = { data: rows.map((row) => local(withLocalNames(toApiMission(row, ctx.origin, now), request.lang), row.id, row.statusReason)), matching, totals, nextCursor };
  return { response: jsonResponse(200, body, momentCacheHeaders(request.moment, ctx.now?.() ?? new Date())), tags: listTags(request.filters) };
}

/** Every matching row for the CSV: read from the database a page at a time. */
async function allMatchingRows(ctx: ApiContext, request: ListRequest): Promise<{ rows: MissionRow[]; now: Date }> {
  const freshness = await freshnessFor(ctx);
  const rows: MissionRow[] = [];
  const each = request.moment
    ? eachMissionRowAsOf(ctx.db, request.moment, request.filters, freshness, { changedSince: request.changedSince })
    : eachMissionRow(ctx.db, freshness, request.filters, { changedSince: request.changedSince });
  for await (const row of each) rows.push(row);
  return { rows, now: request.moment?.at ?? freshness.now };
}

async function missionCsv(ctx: ApiContext, params: URLSearchParams): Promise<Produced> {
  const parsed = parseListQuery(ctx, params);
  if (!parsed.ok) return badRequest(parsed.errors);
  if (parsed.value.cursor !== undefined || params.has("limit")) {
    return badRequest([{ field: params.has("limit") ? "limit" : "cursor", message: "the CSV always holds every matching mission" }]);
  }
  const { rows, now } = await allMatchingRows(ctx, parsed.value);
  const { lang } = parsed.value;
  const local = await loadLocalReasons(ctx.db, rows.map((row) => ({ missionId: row.id, reason: row.statusReason })), lang, reasonTextsAsOf(parsed.value.moment));
  const body = missionsCsv(rows.map((row) => local(withLocalNames(toApiMission(row, ctx.origin, now), lang), row.id, row.statusReason)), { lang: lang !== undefined });
  return {
    response: publicResponse(200, "text/csv; charset=utf-8; header=present", body, {
      "Content-Disposition": 'inline; filename="missions.csv"',
      ...momentCacheHeaders(parsed.value.moment, ctx.now?.() ?? new Date()),
    }),
    tags: listTags(parsed.value.filters),
  };
}

/** The history page a query asks for, or the 400 naming the bad parameter. */
function historyPageOf(params: URLSearchParams, defaultLimit = HISTORY_PAGE_SIZE, schema: typeof MissionHistoryQuerySchema = MissionHistoryQuerySchema): { ok: true; page: { before: HistoryCursor | null; limit: number } } | { ok: false; produced: Produced } {
  const shape = schema.safeParse(queryRecord(params));
  if (!shape.success) return { ok: false, produced: badRequest(parameterErrors(shape.error)) };
  const before = shape.data.before === undefined ? null : decodeHistoryCursor(shape.data.before);
  if (shape.data.before !== undefined && !before) return { ok: false, produced: badRequest([{ field: "before", message: "is not a cursor returned by this API" }]) };
  return { ok: true, page: { before, limit: shape.data.limit ?? defaultLimit } };
}

async function missionDetail(ctx: ApiContext, rawSlug: string, part: "mission" | "history" | "badge", params: URLSearchParams): Promise<Produced> {
  const checked = slugOrError(rawSlug);
  if (!checked.ok) return checked.produced;
  const { slug } = checked;
  const page = part === "history" ? historyPageOf(params, HISTORY_PAGE_SIZE, MissionHistoryLangQuerySchema) : { ok: true as const, page: { before: null, limit: 0 } };
  if (!page.ok) return page.produced;
  // Checked with the rest of the query before (history: above; detail: by the router); the badge takes none.
  const language = MissionDetailQuerySchema.shape.lang.safeParse(part === "badge" ? undefined : (params.get("lang") ?? undefined));
  const lang = language.success ? language.data : undefined;
  const freshness = await freshnessFor(ctx);
  const loaded = await loadMissionWithHistory(ctx.db, freshness, slug, page.page);
  if (!loaded) return notFound(`Mission "${slug}"`, { field: "slug", message: "no mission has this slug" });
  const tags = dataTags({ missionIds: [loaded.mission.id] });
  const missionId = loaded.mission.id;
  const local = await loadLocalReasons(ctx.db, [loaded.mission.statusReason, ...loaded.upcoming.map((change) => change.reason), ...loaded.history.map((change) => change.reason)].map((reason) => ({ missionId, reason })), lang);
  const mission = { ...local(withLocalNames(toApiMission(loaded.mission, ctx.origin, freshness.now), lang), missionId, loaded.mission.statusReason), upcoming: loaded.upcoming.flatMap((change) => toApiUpcoming(change) ?? []).map((change) => local(change, missionId, change.reason)) };
  if (part === "mission") return { response: jsonResponse(200, mission), tags };
  if (part === "badge") {
    const label = `${loaded.mission.sendingName} ${missionTypeLabel(loaded.mission.type).toLowerCase()}, ${loaded.mission.city}`;
    return {
      response: publicResponse(200, "image/svg+xml; charset=utf-8", statusBadgeSvg(label, loaded.mission.status, loaded.mission.freshness, describeStatus(loaded.mission, freshness.now).text), {
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      }),
      tags,
    };
  }
  const body: ApiMissionHistory = {
    mission,
    history: loaded.history.map(({ event, ...change }) => local({ ...toApiChange(change), event }, missionId, change.reason)),
    nextCursor: loaded.nextCursor,
  };
  return { response: jsonResponse(200, body), tags };
}

/** A change's mission, its sending country also named in `lang`. */
function missionRefIn(mission: Parameters<typeof toMissionRef>[0], lang: Locale | undefined) {
  const ref = toMissionRef(mission);
  return { ...ref, sendingCountry: withLocalName(ref.sendingCountry, lang) };
}

/** The latest events, each with the newest page of its reports; one event pages through older reports by `before`. */
async function events(ctx: ApiContext, rawSlug: string | undefined, params: URLSearchParams): Promise<Produced> {
  const checked = rawSlug === undefined ? undefined : slugOrError(rawSlug);
  if (checked && !checked.ok) return checked.produced;
  const slug = checked?.slug;
  // One event pages and takes lang= (its history's schema); the list takes only lang= (one mission's).
  const shape = (slug ? MissionHistoryLangQuerySchema : MissionDetailQuerySchema).safeParse(queryRecord(params));
  if (!shape.success) return badRequest(parameterErrors(shape.error));
  const { lang } = shape.data;
  const page = historyPageOf(slug ? params : new URLSearchParams(), EVENT_CHANGES_PAGE_SIZE, MissionHistoryLangQuerySchema);
  if (!page.ok) return page.produced;
  const loaded = await loadEvents(ctx.db, slug, page.page);
  const local = await loadLocalReasons(ctx.db, loaded.flatMap((event) => event.changes), lang);
  const data: ApiEvent[] = loaded.map((event) => ({
    slug: event.slug,
    name: event.name,
    description: event.description,
    occurredAt: event.occurredAt.toISOString(),
    changes: event.changes.map(({ mission, missionId, ...change }) => local({ ...toApiChange(change), mission: missionRefIn(mission, lang) }, missionId, change.reason)),
    nextCursor: event.nextCursor,
  }));
  if (slug) {
    const [event] = data;
    return event ? { response: jsonResponse(200, event), tags: ["*"] } : notFound(`Event "${slug}"`, { field: "slug", message: "no event has this slug" });
  }
  return { response: jsonResponse(200, { data }), tags: ["*"] };
}

async function countries(ctx: ApiContext): Promise<Produced> {
  const body: ApiCountryList = { data: await loadHostSummaries(ctx.db, await freshnessFor(ctx)) };
  return { response: jsonResponse(200, body), tags: ["*"] };
}

async function feed(ctx: ApiContext, params: URLSearchParams, format: "atom" | "json", path: string): Promise<Produced> {
  const { at, known, ...record } = queryRecord(params);
  const shape = FeedQuerySchema.safeParse(record);
  if (!shape.success) return badRequest(parameterErrors(shape.error));
  const moment = parseMoment({ at, known }, ctx.now);
  if (!moment.ok) return badRequest(moment.errors);
  // Both are lists of country codes, checked like the missions list's `sending`.
  const codes = MissionFiltersSchema.shape.sending;
  const hosts = codes.safeParse(record.host);
  const senders = codes.safeParse(record.sending);
  const errors = [
    ...(hosts.success ? [] : hosts.error.issues.map((issue) => ({ field: "host", message: issue.message }))),
    ...(senders.success ? [] : senders.error.issues.map((issue) => ({ field: "sending", message: issue.message }))),
  ];
  if (errors.length || !hosts.success || !senders.success) return badRequest(errors);
  const hostCodes = hosts.data;
  const sendingCodes = senders.data;
  const { changes, freshness } = moment.moment
    ? await loadRecentChangesAsOf(ctx.db, { hostCodes, sendingCodes }, moment.moment)
    : await Promise.all([loadRecentChanges(ctx.db, { hostCodes, sendingCodes }), freshnessFor(ctx)]).then(([changes, freshness]) => ({ changes, freshness }));
  // One query for every entry's reason texts (as known then at a moment known=then: decision 043).
  const { lang } = shape.data;
  const reasons = lang ? { lang, versions: await loadReasonVersions(ctx.db, changes.map((change) => ({ missionId: change.mission.id, reason: change.reason })), reasonTextsAsOf(moment.moment)) } : undefined;
  const scope = [hostCodes.length ? `in ${hostCodes.join(", ")}` : "", sendingCodes.length ? `of ${sendingCodes.join(", ")}` : ""].filter(Boolean).join(" ");
  const query = params.toString();
  const input = { origin: ctx.origin, selfPath: path + (query ? `?${query}` : ""), title: `Chancery: status changes${scope ? ` of missions ${scope}` : ""}`, changes, freshness, reasons };
  const tags = scopeTags({ hostCodes, sendingCodes });
  const headers = momentCacheHeaders(moment.moment, ctx.now?.() ?? new Date());
  const response =
    format === "atom"
      ? publicResponse(200, "application/atom+xml; charset=utf-8", atomFeed(input), headers)
      : publicResponse(200, "application/feed+json; charset=utf-8", JSON.stringify(jsonFeed(input)), headers);
  return { response, tags };
}

const NO_QUERY_ALLOWED = (params: URLSearchParams): Produced | null => {
  const unknown = [...new Set(params.keys())];
  return unknown.length ? badRequest(unknown.map((field) => ({ field, message: "is not a known parameter" }))) : null;
};

/** Answers GET /api/v1/…; `url` is the request URL (only path and query are used). */
export async function produceApiResponse(ctx: ApiContext, url: URL): Promise<Produced> {
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const noEndpoint = () => notFound("Endpoint", { field: "path", message: "is not an endpoint of this API" });
  if (!path.startsWith(API_PREFIX)) return noEndpoint();
  const rest = path.slice(API_PREFIX.length);
  const params = url.searchParams;
  // server.ts answers an undecodable path with 400 before it gets here (lib/http/malformed-path.ts).
  const segments = rest.split("/").filter(Boolean).map(decodeURIComponent);
  const [first, second, third, ...extra] = segments;
  if (extra.length) return noEndpoint();
  const noQuery = () => NO_QUERY_ALLOWED(params);

  if (first === "openapi.json" && !second) return noQuery() ?? openApi();
  if (first === "missions" && !second) return missionList(ctx, params);
  if (first === "missions.csv" && !second) return missionCsv(ctx, params);
  if (first === "missions" && second) {
    const part = !third ? "mission" : third === "history" ? "history" : third === "badge.svg" ? "badge" : null;
    if (!part) return noEndpoint();
    if (asksForMoment(params)) return produceMissionAsOf(ctx, second, part, params);
    const detailQuery = () => {
      const shape = MissionDetailQuerySchema.safeParse(queryRecord(params));
      return shape.success ? null : badRequest(parameterErrors(shape.error));
    };
    return (part === "history" ? null : part === "mission" ? detailQuery() : noQuery()) ?? missionDetail(ctx, second, part, params);
  }
  if (first === "events" && !third) return events(ctx, second, params);
  if (first === "countries" && !second) return asksForMoment(params) ? produceCountriesAsOf(ctx, params) : (noQuery() ?? countries(ctx));
  if (first === "changes" && !second) return produceChangesResponse(ctx, params);
  if (first === "changes.atom" && !second) return feed(ctx, params, "atom", path);
  if (first === "changes.json" && !second) return feed(ctx, params, "json", path);
  return noEndpoint();
}

/** Answers the streamed endpoints (isStreamedApiPath): every change between two moments as CSV. */
export function produceStreamedApiResponse(ctx: ApiContext, url: URL): Promise<HttpResponse | StreamedResponse> {
  return produceChangesCsv(ctx, url.searchParams);
}

function openApi(): Produced {
  return {
    response: publicResponse(200, "application/json; charset=utf-8", openApiDocumentJson(), { "Cache-Control": "public, max-age=300" }),
    tags: [],
  };
}
