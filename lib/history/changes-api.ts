// GET /api/v1/changes (a page of missions, with a cursor) and /api/v1/changes.csv (every one,
// streamed a page at a time): what changed between two moments.
import { toApiChange } from "@/lib/api/serialize";
import { ChangesQuerySchema, type ApiChangesBetween } from "@/lib/api/schema";
import { queryRecord } from "@/lib/api/query";
import type { Db } from "@/lib/db/create";
import { BadRequestError, parameterErrors, type FieldError } from "@/lib/errors";
import { dataTags } from "@/lib/http/cache-tags";
import { csvLine } from "@/lib/http/escape";
import { errorResponse, jsonResponse, streamedResponse, type HttpResponse, type StreamedResponse } from "@/lib/http/response";
import type { Produced } from "@/lib/http/response-cache";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { loadChangesPage, openChangesBetween, type ChangesPage, type ChangesQuery, type MissionChange } from "./changes";
import { CHANGES_PAGE_SIZE, decodeChangesCursor, encodeChangesCursor, type ChangesPosition } from "./changes-page";
import { momentCacheHeaders } from "./http";
import { atSchema } from "./moment";

interface Context {
  db: Db;
  now?: () => Date;
}

const badRequest = (fields: FieldError[]): Produced => ({
  response: errorResponse(new BadRequestError(`Invalid ${[...new Set(fields.map((field) => field.field))].join(", ")}`, { fields })),
  tags: [],
});

export interface ChangesPageRequest {
  after: ChangesPosition | null;
  limit: number;
}

/** Strict: each bad parameter named; `from` must come before `to`, neither in the future; a cursor must be one of ours. */
export function parseChangesQuery(
  record: Record<string, string>,
  now: () => Date = () => new Date(),
): { ok: true; query: ChangesQuery; page: ChangesPageRequest } | { ok: false; errors: FieldError[] } {
  const shape = ChangesQuerySchema.safeParse(record);
  if (!shape.success) return { ok: false, errors: parameterErrors(shape.error) };
  const errors: FieldError[] = [];
  for (const field of ["from", "to"] as const) {
    const checked = atSchema(now).safeParse(record[field]);
    if (!checked.success) errors.push({ field, message: checked.error.issues[0]?.message ?? "is invalid" });
  }
  const { from, to, host, city, known, limit, cursor } = shape.data;
  if (!errors.length && from >= to) errors.push({ field: "to", message: "must be after from" });
  const after = cursor === undefined ? null : decodeChangesCursor(cursor);
  if (cursor !== undefined && !after) errors.push({ field: "cursor", message: "is not a cursor returned by this API" });
  if (errors.length) return { ok: false, errors };
  return { ok: true, query: { scope: host ? { hostCode: host } : {}, city, from, to, known: known ?? "now" }, page: { after, limit: limit ?? CHANGES_PAGE_SIZE } };
}

const standing = (row: MissionChange["before"]) => ({
  status: row?.status ?? null,
  statusReason: row?.statusReason ?? null,
  statusSince: row?.statusSince?.toISOString() ?? null,
  sourceUrl: row?.sourceUrl ?? null,
});

const toApiMissionChange = ({ before, after, between }: MissionChange): ApiChangesBetween["data"][number] => ({
  mission: { slug: after.slug, sendingCountry: { code: after.sendingCode, name: after.sendingName }, hostCode: after.hostCode, city: after.city, type: after.type },
  from: standing(before),
  to: standing(after),
  changes: between.map((entry) => toApiChange(entry)),
});

export function toApiChangesBetween(query: ChangesQuery, page: ChangesPage): ApiChangesBetween {
  return {
    from: query.from.toISOString(),
    to: query.to.toISOString(),
    known: query.known,
    data: page.changes.map(toApiMissionChange),
    matching: page.matching,
    nextCursor: page.next ? encodeChangesCursor(page.next) : null,
  };
}

export const CHANGES_CSV_COLUMNS = ["slug", "sending_code", "sending_name", "host_code", "city", "type", "status_from", "status_to", "since_to", "reason_to", "changes_between", "changes"] as const;

/** The CSV's lines of some changes. */
function changesCsvLines(changes: ApiChangesBetween["data"]): string {
  return changes
    .map((change) =>
      csvLine([
          change.mission.slug,
          change.mission.sendingCountry.code,
          change.mission.sendingCountry.name,
          change.mission.hostCode,
          change.mission.city,
          change.mission.type,
          change.from.status ?? "unreported",
          change.to.status ?? "unreported",
          change.to.statusSince,
          change.to.statusReason,
          change.changes.length,
        change.changes.map((entry) => `${entry.effectiveAt} ${entry.newStatus ?? "unreported"}`).join("; "),
      ]),
    )
    .join("");
}

/**
 * The CSV's body: its header, then each page of missions as the consumer reads (pull), so that
 * neither the world's entries nor the whole text are ever held (decision 045). Cancelling the
 * stream (the client went away) ends the page reads.
 */
export function changesCsvStream(pages: AsyncGenerator<MissionChange[], void, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(csvLine([...CHANGES_CSV_COLUMNS])));
      },
      async pull(controller) {
        const next = await pages.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(changesCsvLines(next.value.map(toApiMissionChange))));
      },
      async cancel() {
        await pages.return(undefined);
      },
    },
    // One page read ahead of what was sent at most.
    { highWaterMark: 1 },
  );
}

/** How many missions each read of the streamed CSV holds. */
export const CHANGES_CSV_PAGE = 500;

function checkedQuery(ctx: Context, params: URLSearchParams) {
  const parsed = parseChangesQuery(queryRecord(params), ctx.now);
  if (!parsed.ok) return parsed;
  const now = ctx.now?.() ?? new Date();
  const { query } = parsed;
  // Settled when B is past and only what was recorded by then counts.
  const headers = momentCacheHeaders({ at: query.to, known: query.known }, now);
  const tags = query.scope.hostCode ? dataTags({ hostCodes: [query.scope.hostCode] }) : (["*"] as const);
  return { ...parsed, now, headers, tags: [...tags] };
}

/** GET /api/v1/changes: one page of missions (JSON), cached like every API answer. */
export async function produceChangesResponse(ctx: Context, params: URLSearchParams): Promise<Produced> {
  const checked = checkedQuery(ctx, params);
  if (!checked.ok) return badRequest(checked.errors);
  const { query, page, now, headers, tags } = checked;
  const freshness = await loadFreshnessContext(ctx.db, now);
  return { response: jsonResponse(200, toApiChangesBetween(query, await loadChangesPage(ctx.db, query, page, freshness)), headers), tags };
}

/**
 * GET /api/v1/changes.csv: every mission that changed, streamed a page at a time (decision 045).
 * A bad query, or a failure before the first byte (which missions differ is read first), is an
 * ordinary error answer; the stream itself is never cached and has no ETag.
 */
export async function produceChangesCsv(ctx: Context, params: URLSearchParams, pageSize = CHANGES_CSV_PAGE): Promise<HttpResponse | StreamedResponse> {
  const checked = checkedQuery(ctx, params);
  if (!checked.ok) return badRequest(checked.errors).response;
  if (params.has("limit") || params.has("cursor")) {
    return badRequest([{ field: params.has("limit") ? "limit" : "cursor", message: "the CSV always holds every mission that changed" }]).response;
  }
  const { query, now, headers } = checked;
  const freshness = await loadFreshnessContext(ctx.db, now);
  const { pages } = await openChangesBetween(ctx.db, query, freshness, pageSize);
  return streamedResponse("text/csv; charset=utf-8; header=present", changesCsvStream(pages), { "Content-Disposition": 'inline; filename="changes.csv"', ...headers });
}
