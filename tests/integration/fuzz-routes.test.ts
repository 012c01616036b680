// Every public and admin route against hostile input (fast-check): path segments, query
// strings and JSON bodies with wrong types, huge numbers, NUL and other control characters,
// bidi overrides, long strings and odd dates. No answer may be a 5xx (a logged console.error
// fails the test too), and every refusal has the one error shape, naming the field at fault
// when the input is to blame. Bounded to run in well under 30 s per database.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import * as events from "@/app/api/admin/events/route";
import * as freshnessItem from "@/app/api/admin/freshness/[code]/route";
import * as freshness from "@/app/api/admin/freshness/route";
import * as importRoute from "@/app/api/admin/import/route";
import * as archive from "@/app/api/admin/missions/[id]/archive/route";
import * as missionItem from "@/app/api/admin/missions/[id]/route";
import * as scheduled from "@/app/api/admin/missions/[id]/scheduled/route";
import * as scheduledItem from "@/app/api/admin/missions/[id]/scheduled/[scheduledId]/route";
import * as scheduledCancel from "@/app/api/admin/missions/[id]/scheduled/[scheduledId]/cancel/route";
import * as status from "@/app/api/admin/missions/[id]/status/route";
import * as verify from "@/app/api/admin/missions/[id]/verify/route";
import * as missions from "@/app/api/admin/missions/route";
import * as userItem from "@/app/api/admin/users/[id]/route";
import * as users from "@/app/api/admin/users/route";
import * as verifyMany from "@/app/api/admin/verify/route";
import * as login from "@/app/api/auth/login/route";
import * as logout from "@/app/api/auth/logout/route";
import { createSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { ErrorBodySchema } from "@/lib/http/errors";
import { handleHotRequest } from "@/lib/http/hot-paths";
import { isDecodablePath, malformedPathResponse } from "@/lib/http/malformed-path";
import { getResponseCache } from "@/lib/http/process-cache";
import { EXPORT_FORMAT } from "@/lib/import/own-format";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { createMission, EDITOR } from "../factories";
import { call, createUserWithSession, ORIGIN, type CallOptions } from "../http";

const ODD = [
  "",
  " ",
  "\u0000",
  "x\u0000y",
  "\u000B",
  "\u000C",
  "\u001B[2J",
  "\u007F",
  "\u0085",
  "\u2028",
  "\uFFFE",
  "\uD800",
  "\u202Eevil",
  "\u2066x\u2069",
  "%00",
  "%FF",
  "%E0%A4%A",
  "../../etc/passwd",
  "null",
  "true",
  "0",
  "-1",
  "1e309",
  "99999999999999999999",
  "9007199254740993",
  "2147483648",
  "NaN",
  "Infinity",
  "0x10",
  "１２",
  "ua",
  "UA",
  "ZZ",
  "Kyïv",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "javascript:alert(1)",
  "https://example.org/\u0000",
  "2024-11-20",
  "2024-11-20T07:00:00",
  "2024-11-20T07:00:00Z",
  "2024-11-20T09:00:00+02:00",
  "2024-02-30T07:00:00Z",
  "1970-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "+275760-09-13T00:00:00.000Z",
  "open",
  "closed",
  "embassy",
  "admin",
  "Europe/Kyiv",
  "Q42",
  "a@example.org",
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD).map((odd) => odd.repeat(1 + Math.floor(6000 / Math.max(odd.length, 1)))) },
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 8.64e15) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) },
);

/** A body: mostly a valid one with some fields made hostile (to reach deep code), else anything. */
function hostileBody(fields: string[], valid: () => Record<string, unknown>): fc.Arbitrary<unknown> {
  const overrides = fc.dictionary(fc.constantFrom(...fields, "__proto__", "unknownField"), hostileValue, { maxKeys: 3 });
  return fc.oneof(
    { weight: 4, arbitrary: overrides.map((changes) => ({ ...valid(), ...changes })) },
    { weight: 2, arbitrary: overrides },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );
}

/** Percent-encoding that survives lone surrogates (they go out as raw, undecodable bytes). */
const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return `%ED%A0%80${encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, ""))}`;
  }
};

const hostileId = fc.oneof(fc.constantFrom(...ODD), fc.integer().map(String), fc.string({ maxLength: 12 }));

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

/** No 5xx; a refusal has the one shape, with fields whenever the input is at fault. */
function expectHandled(answer: Answer, context: unknown) {
  const where = JSON.stringify(context)?.slice(0, 400);
  expect(answer.status, where).toBeLessThan(500);
  if (answer.status < 400) return;
  const parsed = ErrorBodySchema.safeParse(answer.json);
  expect(parsed.success, `${where}\n${JSON.stringify(answer.json).slice(0, 400)}`).toBe(true);
  if (!parsed.success) return;
  expect(parsed.data.error.status).toBe(answer.status);
  if (parsed.data.error.code === "bad_request" || parsed.data.error.code === "invalid") {
    expect(parsed.data.error.fields?.length, where).toBeGreaterThan(0);
  }
}

const RUNS = { numRuns: 20 } as const;

describe("public routes (API and embed)", () => {
  const endpoints = ["missions", "missions.csv", "events", "countries", "changes.atom", "changes.json", "openapi.json", "history", "badge.svg"];
  const parameters = ["host", "city", "sending", "status", "type", "q", "sort", "dir", "changed_since", "limit", "cursor", "columns", "compact", "theme", "lang", "title", "x"];
  const hostileSegment = fc.oneof(hostileString.map(encode), fc.constantFrom("%FF", "%E0%A4%A", "%00", "%2F", "..", "%2e%2e"));
  const segments = fc.oneof(
    fc.constantFrom(...endpoints).map((endpoint) => [endpoint]),
    fc.tuple(fc.constantFrom("missions", "events"), hostileSegment),
    fc.tuple(fc.constant("missions"), hostileSegment, fc.oneof(fc.constantFrom("history", "badge.svg"), hostileSegment)),
    fc.array(fc.oneof(fc.constantFrom(...endpoints), hostileSegment), { maxLength: 4 }),
  );
  const query = fc.array(fc.tuple(fc.constantFrom(...parameters), hostileString), { maxLength: 4 }).map((pairs) => new URLSearchParams(pairs).toString());

  beforeEach(async () => {
    const db = getDb();
    const mission = await createMission(db, { sendingCode: "US" });
    const event = await db.event.create({ data: { slug: "alert", name: "Alert", occurredAt: new Date("2024-11-20T07:00:00Z") } });
    await db.$transaction((tx) =>
      recordStatusChange(tx, { missionId: mission.id, status: "closed", reason: "Alert", sourceUrl: "https://example.org", sourceTitle: null, effectiveAt: new Date("2024-11-20T07:00:00Z"), author: EDITOR, eventId: event.id }),
    );
  });

  it("never answers 5xx to any path or query", async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), segments, query, async (embed, parts, search) => {
        getResponseCache().clear();
        const path = embed ? "/embed" : `/api/v1/${parts.join("/")}`;
        // As server.ts does: an undecodable path is answered before any handler sees it.
        if (!isDecodablePath(new URL(path, ORIGIN).pathname)) {
          const refusal = malformedPathResponse(new URL(path, ORIGIN).pathname);
          return expectHandled({ status: refusal.status, json: JSON.parse(refusal.body) as Record<string, unknown> }, { path });
        }
        const response = await handleHotRequest(new Request(`${ORIGIN}${path}${search ? `?${search}` : ""}`), getDb);
        const text = await response.text();
        const type = response.headers.get("content-type") ?? "";
        if (response.status >= 400 && type.startsWith("text/html")) {
          // The embed's refusals are pages (an iframe shows them to people), naming each field.
          expect(response.status, JSON.stringify({ path, search })).toBe(400);
          expect(text).toMatch(/<li><code>[^<]+<\/code>: /);
          return;
        }
        expectHandled({ status: response.status, json: response.status >= 400 ? (JSON.parse(text) as Record<string, unknown>) : {} }, { path, search });
      }),
      { numRuns: 150 },
    );
  });
});

describe("admin routes, as an admin", () => {
  let token = "";
  let adminId = 0;
  let missionId = 0;
  let otherUserId = 0;
  let scheduledId = 0;

  beforeEach(async () => {
    const db = getDb();
    const admin = await createUserWithSession(db, { role: "admin" });
    token = admin.token;
    adminId = admin.user.id;
    otherUserId = (await createUserWithSession(db, { email: "other@example.org" })).user.id;
    const mission = await createMission(db, { sendingCode: "US" });
    missionId = mission.id;
    await db.$transaction((tx) =>
      recordStatusChange(tx, { missionId, status: "open", reason: null, sourceUrl: null, sourceTitle: null, effectiveAt: new Date("2024-11-01T00:00:00Z"), author: EDITOR }),
    );
    scheduledId = (await db.scheduledChange.create({ data: { missionId, status: "closed", reason: "Holiday", sourceUrl: "https://example.org/notice", effectiveAt: inADay(), createdBy: "Test" } })).id;
  });

  const inADay = () => new Date(Date.now() + 24 * 3600 * 1000);

  const version = async () => (await getDb().mission.findUniqueOrThrow({ where: { id: missionId }, select: { version: true } })).version;
  const report = { status: "closed", reason: "Alert", sourceUrl: "https://example.org/report", sourceTitle: "Report" };
  const missionFields = ["sendingCode", "hostCode", "city", "type", "name", "address", "latitude", "longitude", "phone", "email", "website", "wikidataId", "timeZone"];

  type Handler = Parameters<typeof call>[0];
  interface Route {
    name: string;
    handler: Handler;
    method?: string;
    fields: string[];
    valid: () => Record<string, unknown>;
    /** The dynamic segment: a mission or user id, a host country code, or a mission's scheduled change. */
    withId?: "mission" | "user" | "code" | "scheduled";
    runs?: number;
  }

  const routes: Route[] = [
    { name: "create mission", handler: missions.POST, fields: missionFields, valid: () => ({ sendingCode: "PL", hostCode: "UA", city: "Lviv", type: "consulate" }) },
    { name: "edit mission", handler: missionItem.PATCH, method: "PATCH", withId: "mission", fields: missionFields, valid: () => ({ address: "1 Main St", timeZone: null }) },
    { name: "archive mission", handler: archive.POST, withId: "mission", fields: ["archived"], valid: () => ({ archived: false }) },
    { name: "change status", handler: status.POST, withId: "mission", fields: ["status", "reason", "sourceUrl", "sourceTitle", "effectiveAt", "until", "follows", "expectedVersion"], valid: () => ({ ...report }) },
    { name: "re-verify", handler: verify.POST, withId: "mission", fields: ["sourceUrl", "sourceTitle", "expectedVersion"], valid: () => ({ sourceUrl: report.sourceUrl }) },
    {
      name: "bulk event",
      handler: events.POST,
      fields: ["name", "description", "status", "reason", "sourceUrl", "sourceTitle", "effectiveAt", "until", "follows", "missions"],
      valid: () => ({ name: "Alert", ...report, missions: [{ id: missionId, expectedVersion: 0 }] }),
    },
    {
      name: "schedule a change",
      handler: scheduled.POST,
      withId: "mission",
      fields: ["status", "reason", "sourceUrl", "sourceTitle", "effectiveAt", "until", "follows"],
      valid: () => ({ ...report, effectiveAt: inADay().toISOString() }),
    },
    {
      name: "edit a scheduled change",
      handler: scheduledItem.PATCH,
      method: "PATCH",
      withId: "scheduled",
      fields: ["status", "reason", "sourceUrl", "sourceTitle", "effectiveAt", "until", "follows", "expectedVersion"],
      valid: () => ({ ...report, effectiveAt: inADay().toISOString(), expectedVersion: 0 }),
    },
    { name: "cancel a scheduled change", handler: scheduledCancel.POST, withId: "scheduled", fields: ["expectedVersion"], valid: () => ({ expectedVersion: 0 }) },
    { name: "create user", handler: users.POST, fields: ["email", "name", "role", "password", "hostScope"], valid: () => ({ email: `u${Math.random()}@example.org`, name: "New", role: "editor", password: "another long password" }), runs: 10 },
    { name: "change user", handler: userItem.PATCH, method: "PATCH", withId: "user", fields: ["name", "role", "active", "hostScope"], valid: () => ({ name: "Renamed" }) },
    {
      name: "re-verify many",
      handler: verifyMany.POST,
      fields: ["name", "description", "sourceUrl", "sourceTitle", "missions"],
      valid: () => ({ name: "Checked", sourceUrl: report.sourceUrl, missions: [{ id: missionId, expectedVersion: 1 }] }),
    },
    {
      name: "freshness policy",
      handler: freshnessItem.PUT,
      method: "PUT",
      withId: "code",
      fields: ["closedStaleHours", "limitedStaleHours", "openStaleHours", "inCrisis"],
      valid: () => ({ closedStaleHours: 12, limitedStaleHours: null, openStaleHours: null, inCrisis: true }),
    },
  ];

  it.each(routes)("$name never answers 5xx", async (route) => {
    await fc.assert(
      fc.asyncProperty(hostileBody(route.fields, route.valid), fc.option(hostileId, { freq: 4 }), async (body, badId) => {
        const current = await version();
        const withVersion = body && typeof body === "object" && !Array.isArray(body) && !("expectedVersion" in body) ? { ...body, expectedVersion: current } : body;
        const id = badId ?? (route.withId === "code" ? "UA" : String(route.withId === "user" ? otherUserId : missionId));
        const params = route.withId === "scheduled" ? { id: String(missionId), scheduledId: badId ?? String(scheduledId) } : route.withId ? { [route.withId === "code" ? "code" : "id"]: id } : {};
        const options: CallOptions = { token, method: route.method, body: withVersion, params };
        expectHandled(await call(route.handler, options), { route: route.name, body: withVersion, id });
      }),
      { numRuns: route.runs ?? RUNS.numRuns },
    );
  });

  it("lists never answer 5xx to any query", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (archived) => {
        expectHandled(await call(missions.GET, { token, method: "GET", path: `/api/admin/missions?archived=${encode(archived)}` }), { archived });
        expectHandled(await call(users.GET, { token, method: "GET" }), {});
        expectHandled(await call(freshness.GET, { token, method: "GET" }), {});
        expectHandled(await call(verifyMany.GET, { token, method: "GET" }), {});
      }),
      RUNS,
    );
  });

  it("import never answers 5xx to any file or mode", async () => {
    const mission = fc.dictionary(fc.constantFrom(...missionFields, "status", "statusSince"), hostileValue, { maxKeys: 5 });
    const ownFormat = fc
      .record({ exportedAt: hostileValue, missions: fc.array(fc.oneof(mission, hostileValue), { maxLength: 4 }) }, { requiredKeys: ["missions"] })
      .map((file) => JSON.stringify({ format: EXPORT_FORMAT, ...file }));
    const header = "operator;operatorQID;country;countryQID;city;address;latitude;longitude;phone;email;website;type;QID";
    const csv = fc
      .array(fc.array(hostileString.map((cell) => cell.replace(/[;\n"]/g, " ")), { minLength: 13, maxLength: 13 }), { minLength: 1, maxLength: 3 })
      .map((rows) => [header, ...rows.map((cells) => cells.join(";"))].join("\n"));
    const file = fc.oneof(ownFormat, csv, fc.string({ unit: "binary", maxLength: 200 }), fc.uint8Array({ maxLength: 200 }));
    await fc.assert(
      fc.asyncProperty(file, fc.oneof(fc.constantFrom("dry-run", "apply"), hostileString), async (rawBody, mode) => {
        const answer = await call(importRoute.POST, { token, path: `/api/admin/import?mode=${encode(mode)}`, rawBody });
        expectHandled(answer, { mode, file: typeof rawBody === "string" ? rawBody : "(bytes)" });
      }),
      RUNS,
    );
  });

  it("login and logout never answer 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody(["email", "password"], () => ({ email: "a@example.org", password: "a long test password" })), hostileBody(["everywhere"], () => ({ everywhere: false })), async (credentials, farewell) => {
        expectHandled(await call(login.POST, { body: credentials }), { credentials });
        // A session of its own, so that "everywhere" never logs the admin out mid-test.
        const session = await createSession(getDb(), adminId);
        expectHandled(await call(logout.POST, { token: session.token, body: farewell }), { farewell });
      }),
      { numRuns: 10 },
    );
  });
});
