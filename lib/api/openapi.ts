// OpenAPI 3.1, generated from the zod schemas the handlers use.
import { z } from "zod";
import { createDocument } from "zod-openapi";
import { ErrorBodySchema } from "@/lib/http/errors";
import {
  CountryListSchema,
  EventListSchema,
  EventSchema,
  FeedQuerySchema,
  MissionHistorySchema,
  MissionHistoryLangQuerySchema,
  MissionDetailQuerySchema,
  MissionListQuerySchema,
  MissionDetailSchema,
  MissionListSchema,
  SlugParamsSchema,
  ChangesBetweenSchema,
  ChangesQuerySchema,
} from "./schema";
import { StatusEventSchema, TestEventSchema } from "@/lib/webhooks/payload";
import { MomentQuerySchema } from "@/lib/history/moment";

/** The list's filters plus the moment it shows (lib/history/moment.ts). */
const listQuery = MissionListQuerySchema.extend(MomentQuerySchema.shape);
/** Every other endpoint that shows data as it stood at a moment takes the same two parameters. */
const momentQuery = z.object(MomentQuerySchema.shape).strict();

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
const busy = {
  ...json(ErrorBodySchema, "The database is busy (code `busy`); try again after Retry-After seconds"),
  headers: { "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" as const } } },
};
const errors = {
  "400": json(ErrorBodySchema, "A parameter is invalid (code `bad_request`); `error.fields` names each one"),
  "404": json(ErrorBodySchema, "No such resource (code `not_found`)"),
  "503": busy,
};
const listErrors = { "400": errors["400"], "503": busy };
const cacheHeaders = {
  ETag: { description: "Send back as If-None-Match to get 304 Not Modified", schema: { type: "string" as const } },
  "Cache-Control": {
    description: "Shared caches keep responses at most 2 s (+2 s while revalidating); a view with `at` in the past and `known=then` is `public, max-age=31536000, immutable`",
    schema: { type: "string" as const },
  },
};
const ok = (schema: z.ZodType, description: string) => ({ ...json(schema, description), headers: cacheHeaders });
const slugParams = { path: SlugParamsSchema };

// What Chancery POSTs to the endpoints admins register (Standard Webhooks).
const WebhookHeadersSchema = z.object({
  "webhook-id": z.string().meta({ description: "The message id; the same on every retry of one delivery: deduplicate on it", example: "msg_2b1f…" }),
  "webhook-timestamp": z.string().meta({ description: "Unix seconds when this try was signed; reject ones more than 5 minutes off", example: "1764667800" }),
  "webhook-signature": z.string().meta({
    description: "Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<id>.<timestamp>.<body>`; two during a secret rotation's one-day overlap",
    example: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
  }),
});
const webhookAnswer = {
  "2XX": { description: "Received. Any other answer, or none within 10 s, is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h; then the endpoint is disabled." },
};

export function createOpenApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Chancery open data API",
      version: "1.0.0",
      description:
        "Read-only, public and CORS-enabled. Statuses are `open`, `limited`, `closed`, or null when none was reported. " +
        "Timestamps are ISO 8601 in UTC. Every status carries its source, when a source last confirmed it (`verifiedAt`) and its `freshness` by the host country's policy. " +
        "Every error has one shape (`Error`): a stable `code`, the `status`, a `message`, and `fields` naming each parameter at fault. " +
        "Responses carry an ETag (send If-None-Match for 304) and are fresh within 5 s of an edit. " +
        "Time travel: the missions list and CSV, one mission, its history and badge, the countries and the feeds take `at` (a past moment) and `known` (`now`: replay everything known today about that moment, the default; `then`: only what had been recorded by it, i.e. what the public was shown). " +
        "A view with `at` in the past and `known=then` never changes: its ETag is permanent and it is sent with `Cache-Control: immutable`. `/changes` lists what changed between two moments.",
      license: { name: "CC0-1.0", identifier: "CC0-1.0" },
    },
    servers: [{ url: "/api/v1" }],
    webhooks: {
      "mission.status_changed": {
        post: {
          operationId: "missionStatusChanged",
          summary: "A mission followed by the endpoint has a new current status (a report, the end of a status, or a scheduled change)",
          requestParams: { header: WebhookHeadersSchema },
          requestBody: { content: { "application/json": { schema: StatusEventSchema } } },
          responses: webhookAnswer,
        },
      },
      test: {
        post: {
          operationId: "webhookTest",
          summary: "Sent by the admin page's “Send a test event” button",
          requestParams: { header: WebhookHeadersSchema },
          requestBody: { content: { "application/json": { schema: TestEventSchema } } },
          responses: webhookAnswer,
        },
      },
    },
    paths: {
      "/missions": {
        get: {
          operationId: "listMissions",
          summary: "Missions with filters, stable sort and cursor pagination",
          requestParams: { query: listQuery },
          responses: { "200": ok(MissionListSchema, "A page of missions"), ...listErrors },
        },
      },
      "/missions.csv": {
        get: {
          operationId: "listMissionsCsv",
          summary: "The same query as CSV (every matching mission, no pagination)",
          requestParams: { query: listQuery.omit({ limit: true, cursor: true }) },
          responses: {
            "200": {
              description: "RFC 4180 CSV with a header row, streamed as it is read (no ETag)",
              content: { "text/csv": { schema: z.string() } },
              headers: { "Cache-Control": cacheHeaders["Cache-Control"] },
            },
            ...listErrors,
          },
        },
      },
      "/missions/{slug}": {
        get: {
          operationId: "getMission",
          summary: "One mission, its current status and its upcoming scheduled changes (with `at`: its status then, and no upcoming changes)",
          requestParams: { ...slugParams, query: momentQuery.extend(MissionDetailQuerySchema.shape) },
          responses: { "200": ok(MissionDetailSchema, "The mission"), ...errors },
        },
      },
      "/missions/{slug}/history": {
        get: {
          operationId: "getMissionHistory",
          summary: "A mission and its status reports, newest first, one page at a time (with `at`: the reports known by then)",
          requestParams: { ...slugParams, query: MissionHistoryLangQuerySchema.extend(MomentQuerySchema.shape) },
          responses: { "200": ok(MissionHistorySchema, "The mission's history"), ...errors },
        },
      },
      "/missions/{slug}/badge.svg": {
        get: {
          operationId: "getMissionBadge",
          summary: "An SVG badge with the mission's current status (with `at`: its status then)",
          requestParams: { ...slugParams, query: momentQuery },
          responses: {
            "200": { description: "SVG image", content: { "image/svg+xml": { schema: z.string() } }, headers: cacheHeaders },
            ...errors,
          },
        },
      },
      "/events": {
        get: { operationId: "listEvents", summary: "Events with their status changes", requestParams: { query: MissionDetailQuerySchema }, responses: { "200": ok(EventListSchema, "Events, newest first, each with the newest page of its changes"), ...listErrors } },
      },
      "/events/{slug}": {
        get: {
          operationId: "getEvent",
          summary: "One event with a page of its changes, newest first",
          requestParams: { ...slugParams, query: MissionHistoryLangQuerySchema },
          responses: { "200": ok(EventSchema, "The event"), ...errors },
        },
      },
      "/countries": {
        get: {
          operationId: "listCountries",
          summary: "Host countries with per-status counts (with `at`: the counts then)",
          requestParams: { query: momentQuery },
          responses: { "200": ok(CountryListSchema, "Host countries"), ...listErrors },
        },
      },
      "/changes": {
        get: {
          operationId: "listChangesBetween",
          summary: "Missions whose status differs between two moments, with both statuses and the history entries in between",
          requestParams: { query: ChangesQuerySchema },
          responses: { "200": ok(ChangesBetweenSchema, "What changed between `from` and `to`"), ...listErrors },
        },
      },
      "/changes.csv": {
        get: {
          operationId: "listChangesBetweenCsv",
          summary: "The same as CSV: one row per mission whose status differs",
          requestParams: { query: ChangesQuerySchema },
          responses: {
            "200": {
              description: "RFC 4180 CSV with a header row, streamed as it is read (no ETag)",
              content: { "text/csv": { schema: z.string() } },
              headers: { "Cache-Control": cacheHeaders["Cache-Control"] },
            },
            ...listErrors,
          },
        },
      },
      "/changes.atom": {
        get: {
          operationId: "changesAtom",
          summary: "Atom feed of the latest 50 status reports (with `at`: the latest 50 recorded by then, each with its mission's status then)",
          requestParams: { query: FeedQuerySchema.extend(MomentQuerySchema.shape) },
          responses: {
            "200": { description: "Atom 1.0", content: { "application/atom+xml": { schema: z.string() } }, headers: cacheHeaders },
            ...listErrors,
          },
        },
      },
      "/changes.json": {
        get: {
          operationId: "changesJsonFeed",
          summary: "JSON Feed 1.1 of the latest 50 status reports (with `at`: the latest 50 recorded by then, each with its mission's status then)",
          requestParams: { query: FeedQuerySchema.extend(MomentQuerySchema.shape) },
          responses: {
            "200": { description: "JSON Feed 1.1", content: { "application/feed+json": { schema: z.object({ version: z.string(), title: z.string(), items: z.array(z.object({ id: z.string(), content_text: z.string(), summary: z.string().optional().meta({ description: "With lang=: the reason as shown in that language (see _chancery.summaryLanguage)" }) }).loose()) }).loose() } }, headers: cacheHeaders },
            ...listErrors,
          },
        },
      },
    },
  });
}

let cached: string | undefined;
export function openApiDocumentJson(): string {
  cached ??= JSON.stringify(createOpenApiDocument());
  return cached;
}
