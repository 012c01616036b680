// The public API's documented shapes: handlers build values of these types, the OpenAPI
// document is generated from these schemas and the contract tests validate against it.
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { CHANGES_PAGE_SIZE, MAX_CHANGES_PAGE_SIZE } from "@/lib/history/changes-page";
import { HISTORY_PAGE_SIZE, MAX_HISTORY_PAGE_SIZE } from "@/lib/missions/history-page";
import { INSTANT_RANGE, InstantSchema } from "@/lib/input/instant";
import { MissionFiltersSchema } from "@/lib/missions/filters";
import { SlugSchema } from "@/lib/missions/slug";
import { MISSION_TYPES } from "@/lib/missions/types";
import { FRESHNESS } from "@/lib/status/freshness";
import { FOLLOWS, STATUSES } from "@/lib/status/schema";

const Timestamp = z.iso.datetime().meta({ description: "ISO 8601 timestamp in UTC", example: "2024-11-20T07:00:00.000Z" });

/** With lang=: what a reason reads in that language (lib/i18n/api-reasons.ts, decision 042). */
const LocalReasonFieldsSchema = z.object({
  reasonLanguage: z
    .string()
    .nullable()
    .optional()
    .meta({ description: "With lang=: the language the reason was written in (BCP 47 primary tag, en when no editor said otherwise); null when there is no reason", example: "uk" }),
  localReason: z
    .string()
    .nullable()
    .optional()
    .meta({ description: "With lang=: the reason in that language (the original when written in it, else an editor's or an import's translation); null when there is none", example: "Зачинено до подальшого повідомлення." }),
});
export type LocalReasonFields = z.infer<typeof LocalReasonFieldsSchema>;

export const StatusValueSchema = z
  .enum(STATUSES)
  .nullable()
  .meta({ id: "StatusValue", description: "Current status; null when none has been reported" });

export const FreshnessValueSchema = z
  .enum(FRESHNESS)
  .nullable()
  .meta({
    id: "Freshness",
    description:
      "Whether a source confirmed the current status recently, by the host country's policy (default: closed and limited stale 24 h after the last confirmation, open after 30 days). " +
      "fresh: confirmed; due: still confirmed, past 75 % of the window; stale: not confirmed within the window; unconfirmed: no source confirmed it (e.g. expected after an earlier status ended). Null when no status was reported.",
  });

export const StatusCountsSchema = z
  .object({ open: z.int(), limited: z.int(), closed: z.int(), unreported: z.int() })
  .meta({ id: "StatusCounts", description: "Number of missions per status" });

export const CountryRefSchema = z
  .object({
    code: z.string().meta({ example: "FR" }),
    name: z.string(),
    localName: z.string().optional().meta({ description: "The name in the language asked for with lang= (issue 14); keys and other fields stay English", example: "Франція" }),
  })
  .meta({ id: "CountryRef" });

export const MissionSchema = z
  .object({
    slug: z.string().meta({ description: "Stable identifier", example: "fr-ua-kyiv-embassy" }),
    url: z.url().meta({ description: "The mission's page on this site" }),
    sendingCountry: CountryRefSchema,
    hostCountry: CountryRefSchema,
    city: z.string(),
    type: z.enum(MISSION_TYPES),
    timeZone: z.string().meta({ description: "IANA time zone of the host city", example: "Europe/Kyiv" }),
    status: StatusValueSchema,
    statusReason: z.string().nullable().meta({ description: "The reason as written (in reasonLanguage)" }),
    ...LocalReasonFieldsSchema.shape,
    statusSince: Timestamp.nullable().meta({ description: "When the current status began (UTC)" }),
    verifiedAt: Timestamp.nullable().meta({ description: "When a source last confirmed the current status (UTC); null if none did" }),
    freshness: FreshnessValueSchema,
    statusText: z.string().meta({
      description: "The status and its freshness in words, times in the host city's zone with UTC",
      example: "Closed · not confirmed since 20 Nov 2024",
    }),
    sourceUrl: z.string().nullable().meta({ description: "Where the current status comes from" }),
    sourceTitle: z.string().nullable(),
    statusUntil: Timestamp.nullable().meta({ description: "When the current status ends by itself, as its report said (UTC); null: until further notice" }),
    statusFollows: StatusValueSchema.meta({ description: "What applies at statusUntil (null: no status reported); only set with statusUntil" }),
    expectedAfter: z
      .enum(STATUSES)
      .nullable()
      .meta({
        description:
          "Set when the current status was applied by the schedule after this status ended, and no source has confirmed it since: the status is expected, not confirmed (verifiedAt is then null)",
      }),
    updatedAt: Timestamp,
  })
  .meta({ id: "Mission" });

export const UpcomingChangeSchema = z
  .object({
    status: z.enum(STATUSES),
    effectiveAt: Timestamp.meta({ description: "When the change takes effect (UTC)" }),
    until: Timestamp.nullable().meta({ description: "When it ends by itself (UTC); null: until further notice" }),
    follows: z.enum(FOLLOWS).nullable().meta({ description: "What applies at `until`: previous (the status before it), a status, or unreported" }),
    reason: z.string().nullable(),
    ...LocalReasonFieldsSchema.shape,
    sourceUrl: z.string().nullable().meta({ description: "The notice it comes from" }),
    sourceTitle: z.string().nullable(),
  })
  .meta({ id: "UpcomingChange", description: "A change announced ahead by a notice, applied at its time unless cancelled" });

export const MissionDetailSchema = MissionSchema.extend({
  upcoming: z.array(UpcomingChangeSchema).meta({ description: "Scheduled changes not applied yet, soonest first" }),
}).meta({ id: "MissionDetail" });

export const MissionListSchema = z
  .object({
    data: z.array(MissionSchema),
    matching: z.int().meta({ description: "Missions matching the filters (all pages)" }),
    totals: StatusCountsSchema.meta({ description: "Per-status counts for every filter but status" }),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page" }),
  })
  .meta({ id: "MissionList" });

export const EventRefSchema = z.object({ slug: z.string(), name: z.string() }).meta({ id: "EventRef" });

export const StatusChangeSchema = z
  .object({
    id: z.int(),
    kind: z.enum(["change", "verify", "expiry", "scheduled"]).meta({
      description:
        "change: a sourced report of a new status; verify: the same status confirmed again; expiry: the schedule ended a status at its reported `until` (what follows is expected, not confirmed); scheduled: a change announced ahead, applied at its time",
    }),
    previousStatus: StatusValueSchema,
    // Null when an end left no status reported, or the stored value is not one Chancery knows: never guessed as open.
    newStatus: StatusValueSchema.meta({ description: "The status from effectiveAt on; null when an end left no status reported" }),
    reason: z.string().nullable(),
    ...LocalReasonFieldsSchema.shape,
    sourceUrl: z.string().nullable(),
    sourceTitle: z.string().nullable(),
    effectiveAt: Timestamp,
    recordedAt: Timestamp,
    until: Timestamp.nullable().meta({ description: "When this report said it ends by itself" }),
    follows: StatusValueSchema.meta({ description: "What this report said applies at `until`" }),
    endsChangeId: z.int().nullable().meta({ description: "For kind expiry: the id of the report it ended" }),
    event: EventRefSchema.nullable(),
  })
  .meta({ id: "StatusChange" });

export const MissionHistorySchema = z
  .object({
    mission: MissionDetailSchema,
    history: z.array(StatusChangeSchema).meta({ description: "One page, newest first" }),
    nextCursor: z.string().nullable().meta({ description: "Pass as `before` for the next (older) page; null on the last page" }),
  })
  .meta({ id: "MissionHistory" });

export const MissionRefSchema = z
  .object({ slug: z.string(), sendingCountry: CountryRefSchema, hostCode: z.string(), city: z.string(), type: z.enum(MISSION_TYPES) })
  .meta({ id: "MissionRef" });

export const EventSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    occurredAt: Timestamp,
    changes: z.array(StatusChangeSchema.omit({ event: true }).extend({ mission: MissionRefSchema })).meta({ description: "The newest reports first, a page of them (see nextCursor)" }),
    nextCursor: z.string().nullable().meta({ description: "Pass as `before` to /events/{slug} for the next page of older reports; null on the last page" }),
  })
  .meta({ id: "Event" });

export const EventListSchema = z.object({ data: z.array(EventSchema) }).meta({ id: "EventList" });

export const CountrySummarySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    missions: z.int(),
    counts: StatusCountsSchema,
    confirmed: StatusCountsSchema.meta({ description: "Per status, the missions whose status a source confirmed within the freshness window (fresh or due)" }),
    unconfirmed: StatusCountsSchema.meta({ description: "Per status, the missions whose status is stale or unconfirmed; counts = confirmed + unconfirmed, `unreported` is 0 in both" }),
  })
  .meta({ id: "CountrySummary" });

export const CountryListSchema = z
  .object({ data: z.array(CountrySummarySchema).meta({ description: "Host countries with missions" }) })
  .meta({ id: "CountryList" });

// ---- Query parameters ----

const filterFields = MissionFiltersSchema.shape;
const csv = (description: string) => z.string().optional().meta({ description: `${description}; comma-separated or repeated` });

const LangParam = z
  .enum(LOCALES)
  .optional()
  .meta({ description: `Adds each country's name in this language as localName, and beside each reason reasonLanguage and localReason (keys and other fields stay English): ${LOCALES.join(", ")}` });

/** Query of the missions list and CSV. Field checks come from the dashboard's filter schema. */
export const MissionListQuerySchema = z
  .object({
    host: filterFields.host.meta({ description: "Host country code (ISO 3166-1 alpha-2)", example: "UA" }),
    city: filterFields.city.meta({ description: "Host city (case-insensitive)", example: "Kyiv" }),
    sending: csv("Sending country codes"),
    status: csv("Statuses: open, limited, closed, unreported"),
    type: csv(`Mission types: ${MISSION_TYPES.join(", ")}`),
    confirmed: z.enum(["1", "0", "true", "false"]).optional().meta({ description: "1: only statuses a source confirmed within the freshness window (fresh or due)" }),
    q: filterFields.q.meta({ description: "Text search over names, city, type and reason" }),
    sort: filterFields.sort.optional().meta({ description: "Sort key (default sending)" }),
    dir: filterFields.dir.optional().meta({ description: "Sort direction (default asc)" }),
    changed_since: InstantSchema.optional().meta({ description: `Only missions updated at or after this time (ISO 8601 with an offset, ${INSTANT_RANGE})` }),
    limit: z.coerce.number().int().min(1).max(500).optional().meta({ description: "Page size, 1-500 (default 100)" }),
    cursor: z.string().max(2000).optional().meta({ description: "nextCursor of the previous page" }),
    lang: LangParam,
  })
  .strict();

/** Query of one mission: only the language of its names and reason. */
export const MissionDetailQuerySchema = z.object({ lang: LangParam }).strict();

export const MissionHistoryQuerySchema = z
  .object({
    before: z.string().max(200).optional().meta({ description: "nextCursor of the previous page: entries older than its last one" }),
    limit: z.coerce.number().int().min(1).max(MAX_HISTORY_PAGE_SIZE).optional().meta({ description: `Page size, 1-${MAX_HISTORY_PAGE_SIZE} (default ${HISTORY_PAGE_SIZE})` }),
  })
  .strict();

/** Query of a mission's history: its pages, and the language of names and reasons. */
export const MissionHistoryLangQuerySchema = MissionHistoryQuerySchema.extend(MissionDetailQuerySchema.shape);

export const FeedQuerySchema = z
  .object({
    host: csv("Host country codes"),
    sending: csv("Sending country codes"),
  })
  .strict();

export const SlugParamsSchema = z.object({ slug: SlugSchema.meta({ example: "us-embassy-kyiv" }) });

export type ApiMission = z.infer<typeof MissionSchema>;
export type ApiMissionDetail = z.infer<typeof MissionDetailSchema>;
export type ApiUpcomingChange = z.infer<typeof UpcomingChangeSchema>;
export type ApiMissionList = z.infer<typeof MissionListSchema>;
export type ApiStatusChange = z.infer<typeof StatusChangeSchema>;
export type ApiMissionHistory = z.infer<typeof MissionHistorySchema>;
export type ApiEvent = z.infer<typeof EventSchema>;
export type ApiCountryList = z.infer<typeof CountryListSchema>;

// ---- Time travel (lib/history) ----

export const ChangesQuerySchema = z
  .object({
    from: InstantSchema.meta({ description: "Moment A (ISO 8601 with an offset or Z, not in the future)", example: "2024-11-19T12:00:00+02:00" }),
    to: InstantSchema.meta({ description: "Moment B, after A (ISO 8601 with an offset or Z, not in the future)", example: "2024-11-20T10:00:00+02:00" }),
    host: filterFields.host.meta({ description: "Host country code; omitted: the world", example: "UA" }),
    city: filterFields.city.meta({ description: "Host city (case-insensitive)", example: "Kyiv" }),
    known: z.enum(["now", "then"]).optional().meta({ description: "now (default): as known today; then: only what had been recorded by each moment" }),
    limit: z.coerce.number().int().min(1).max(MAX_CHANGES_PAGE_SIZE).optional().meta({ description: `Missions per page, 1-${MAX_CHANGES_PAGE_SIZE} (default ${CHANGES_PAGE_SIZE}); not for the CSV, which holds every one` }),
    cursor: z.string().max(2000).optional().meta({ description: "nextCursor of the previous page; not for the CSV" }),
  })
  .strict();

const StandingStatusSchema = z
  .object({
    status: StatusValueSchema,
    statusReason: z.string().nullable(),
    statusSince: Timestamp.nullable(),
    sourceUrl: z.string().nullable(),
  })
  .meta({ id: "StandingStatus", description: "A mission's status as it stood at a moment" });

export const MissionChangeSchema = z
  .object({
    mission: MissionRefSchema,
    from: StandingStatusSchema,
    to: StandingStatusSchema,
    changes: z.array(StatusChangeSchema.omit({ event: true })).meta({ description: "History entries effective after `from` and by `to`, oldest first" }),
  })
  .meta({ id: "MissionChange" });

export const ChangesBetweenSchema = z
  .object({
    from: Timestamp,
    to: Timestamp,
    known: z.enum(["now", "then"]),
    data: z.array(MissionChangeSchema).meta({ description: "One page of the missions whose status at `to` differs from their status at `from`, by sending country, city and id" }),
    matching: z.int().meta({ description: "How many missions differ in all" }),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page" }),
  })
  .meta({ id: "ChangesBetween" });

export type ApiChangesBetween = z.infer<typeof ChangesBetweenSchema>;
