// GET /api/v1/changes and /api/v1/changes.csv: what changed between two moments.
import { toApiChange } from "@/lib/api/serialize";
import { ChangesQuerySchema, type ApiChangesBetween } from "@/lib/api/schema";
import { queryRecord } from "@/lib/api/query";
import type { Db } from "@/lib/db/create";
import { BadRequestError, parameterErrors, type FieldError } from "@/lib/errors";
import { dataTags } from "@/lib/http/cache-tags";
import { csvLine } from "@/lib/http/escape";
import { errorResponse, jsonResponse, publicResponse } from "@/lib/http/response";
import type { Produced } from "@/lib/http/response-cache";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { loadChangesBetween, type ChangesQuery, type MissionChange } from "./changes";
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

/** Strict: each bad parameter named; `from` must come before `to`, neither in the future. */
export function parseChangesQuery(record: Record<string, string>, now: () => Date = () => new Date()): { ok: true; query: ChangesQuery } | { ok: false; errors: FieldError[] } {
  const shape = ChangesQuerySchema.safeParse(record);
  if (!shape.success) return { ok: false, errors: parameterErrors(shape.error) };
  const errors: FieldError[] = [];
  for (const field of ["from", "to"] as const) {
    const checked = atSchema(now).safeParse(record[field]);
    if (!checked.success) errors.push({ field, message: checked.error.issues[0]?.message ?? "is invalid" });
  }
  const { from, to, host, city, known } = shape.data;
  if (!errors.length && from >= to) errors.push({ field: "to", message: "must be after from" });
  if (errors.length) return { ok: false, errors };
  return { ok: true, query: { scope: host ? { hostCode: host } : {}, city, from, to, known: known ?? "now" } };
}

const standing = (row: MissionChange["before"]) => ({
  status: row?.status ?? null,
  statusReason: row?.statusReason ?? null,
  statusSince: row?.statusSince?.toISOString() ?? null,
  sourceUrl: row?.sourceUrl ?? null,
});

export function toApiChangesBetween(query: ChangesQuery, changes: MissionChange[]): ApiChangesBetween {
  return {
    from: query.from.toISOString(),
    to: query.to.toISOString(),
    known: query.known,
    data: changes.map(({ before, after, between }) => ({
      mission: { slug: after.slug, sendingCountry: { code: after.sendingCode, name: after.sendingName }, hostCode: after.hostCode, city: after.city, type: after.type },
      from: standing(before),
      to: standing(after),
      changes: between.map((entry) => toApiChange(entry)),
    })),
  };
}

export const CHANGES_CSV_COLUMNS = ["slug", "sending_code", "sending_name", "host_code", "city", "type", "status_from", "status_to", "since_to", "reason_to", "changes_between", "changes"] as const;

function changesCsv(body: ApiChangesBetween): string {
  return (
    csvLine([...CHANGES_CSV_COLUMNS]) +
    body.data
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
      .join("")
  );
}

export async function produceChangesResponse(ctx: Context, params: URLSearchParams, format: "json" | "csv"): Promise<Produced> {
  const parsed = parseChangesQuery(queryRecord(params), ctx.now);
  if (!parsed.ok) return badRequest(parsed.errors);
  const { query } = parsed;
  const now = ctx.now?.() ?? new Date();
  const changes = await loadChangesBetween(ctx.db, query, await loadFreshnessContext(ctx.db, now));
  const body = toApiChangesBetween(query, changes);
  // Settled when B is past and only what was recorded by then counts.
  const headers = momentCacheHeaders({ at: query.to, known: query.known }, now);
  const tags = query.scope.hostCode ? dataTags({ hostCodes: [query.scope.hostCode] }) : (["*"] as const);
  if (format === "json") return { response: jsonResponse(200, body, headers), tags: [...tags] };
  return {
    response: publicResponse(200, "text/csv; charset=utf-8; header=present", changesCsv(body), { "Content-Disposition": 'inline; filename="changes.csv"', ...headers }),
    tags: [...tags],
  };
}
