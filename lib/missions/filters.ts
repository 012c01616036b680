import { z } from "zod";
import { CountryCodeSchema } from "@/lib/countries/schema";
import { parameterErrors, type FieldError } from "@/lib/errors";
import { queryText } from "@/lib/input/text";
import { StatusFilterSchema, type StatusFilter } from "@/lib/status/schema";
import { MissionTypeSchema, type MissionType } from "./types";

export const MISSION_SORTS = ["sending", "host", "city", "type", "status", "since", "verified"] as const;
export const MissionSortSchema = z.enum(MISSION_SORTS);
export type MissionSort = z.infer<typeof MissionSortSchema>;

export interface MissionFilters {
  host?: string;
  city?: string;
  sending: string[];
  status: StatusFilter[];
  type: MissionType[];
  /** Only statuses a source confirmed within the freshness window (lib/status/freshness.ts). */
  confirmed: boolean;
  q?: string;
  sort: MissionSort;
  dir: "asc" | "desc";
}

export type SearchParams = Record<string, string | string[] | undefined>;

const listOf = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) =>
      (Array.isArray(value) ? value : value ? [value] : [])
        .flatMap((entry) => entry.split(","))
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(300));

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A yes/no URL parameter: "1"/"true" or "0"/"false" (absent means no). */
export const FlagSchema = z
  .enum(["1", "0", "true", "false"], { error: "must be 1 or 0" })
  .optional()
  .transform((value) => value === "1" || value === "true");

/** The one schema for mission filters in URLs, used by the pages and the API alike. */
export const MissionFiltersSchema = z.object({
  host: CountryCodeSchema.optional(),
  city: queryText(100, "name").optional(),
  sending: listOf(CountryCodeSchema),
  status: listOf(StatusFilterSchema),
  type: listOf(MissionTypeSchema),
  confirmed: FlagSchema,
  q: queryText(200).optional(),
  sort: MissionSortSchema.default("sending"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});

function normalise(params: SearchParams) {
  const emptyToUndefined = (value: string | undefined) => (value?.trim() ? value : undefined);
  return {
    host: emptyToUndefined(single(params.host)),
    city: emptyToUndefined(single(params.city)),
    sending: params.sending,
    status: params.status,
    type: params.type,
    confirmed: emptyToUndefined(single(params.confirmed)),
    q: emptyToUndefined(single(params.q)),
    sort: emptyToUndefined(single(params.sort)),
    dir: emptyToUndefined(single(params.dir)),
  };
}

export type FilterParseResult =
  | { ok: true; filters: MissionFilters }
  | { ok: false; errors: FieldError[] };

/** Strict parse for the API: any bad parameter is an error naming it. */
export function parseMissionFilters(params: SearchParams): FilterParseResult {
  const result = MissionFiltersSchema.safeParse(normalise(params));
  if (result.success) return { ok: true, filters: result.data };
  return { ok: false, errors: parameterErrors(result.error) };
}

/** Lenient parse for pages: a bad value is dropped, never a crash. */
export function parseMissionFiltersLeniently(params: SearchParams): MissionFilters {
  const normalised = normalise(params);
  const fields = MissionFiltersSchema.shape;
  const valid = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const validItems = <T>(item: z.ZodType<T>, value: unknown): T[] =>
    (valid(listOf(z.string()), value) ?? []).flatMap((entry: string) => {
      const parsed = item.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  return {
    host: valid(fields.host, normalised.host),
    city: valid(fields.city, normalised.city),
    sending: validItems(CountryCodeSchema, normalised.sending),
    status: validItems(StatusFilterSchema, normalised.status),
    type: validItems(MissionTypeSchema, normalised.type),
    confirmed: valid(fields.confirmed, normalised.confirmed) ?? false,
    q: valid(fields.q, normalised.q),
    sort: valid(fields.sort, normalised.sort) ?? "sending",
    dir: valid(fields.dir, normalised.dir) ?? "asc",
  };
}

/** Filters → query string (only non-default values), for shareable links. */
export function filtersToSearchParams(filters: Partial<MissionFilters>): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.host) params.set("host", filters.host);
  if (filters.city) params.set("city", filters.city);
  if (filters.sending?.length) params.set("sending", filters.sending.join(","));
  if (filters.status?.length) params.set("status", filters.status.join(","));
  if (filters.type?.length) params.set("type", filters.type.join(","));
  if (filters.confirmed) params.set("confirmed", "1");
  if (filters.q) params.set("q", filters.q);
  if (filters.sort && filters.sort !== "sending") params.set("sort", filters.sort);
  if (filters.dir && filters.dir !== "asc") params.set("dir", filters.dir);
  return params;
}
