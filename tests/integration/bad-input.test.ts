// Hostile and unlucky input at every boundary: instants (issue 7 item 3), NUL and other control
// characters, bidi overrides, malformed slugs, codes and emails (items 9 and 10). Each is
// refused with an answer naming the field, before any query, and writes nothing.
import { describe, expect, it } from "vitest";
import * as events from "@/app/api/admin/events/route";
import * as missionItem from "@/app/api/admin/missions/[id]/route";
import * as status from "@/app/api/admin/missions/[id]/status/route";
import * as verify from "@/app/api/admin/missions/[id]/verify/route";
import * as missions from "@/app/api/admin/missions/route";
import * as users from "@/app/api/admin/users/route";
import * as importRoute from "@/app/api/admin/import/route";
import * as login from "@/app/api/auth/login/route";
import HostCountryPage from "@/app/countries/[code]/page";
import EventPage from "@/app/events/[slug]/page";
import MissionPage from "@/app/missions/[slug]/page";
import SendingCountryPage from "@/app/senders/[code]/page";
import { produceApiResponse } from "@/lib/api/handlers";
import { getDb } from "@/lib/db/client";
import { EXPORT_FORMAT } from "@/lib/import/own-format";
import { getEventBySlug, getMissionBySlug } from "@/lib/missions/queries";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { createMission, EDITOR } from "../factories";
import { call, createUserWithSession, ORIGIN, snapshotDatabase } from "../http";

const source = { sourceUrl: "https://example.org/report", sourceTitle: "Report" };
const fieldsOf = (json: Record<string, unknown>) => ((json.error as { fields?: Array<{ field: string; message: string }> }).fields ?? []).map((error) => error.field);
const messagesOf = (json: Record<string, unknown>) => ((json.error as { fields?: Array<{ message: string }> }).fields ?? []).map((error) => error.message).join("; ");

async function missionAt(version: 0 | 1 = 1) {
  const db = getDb();
  const mission = await createMission(db);
  if (version === 1) {
    await db.$transaction((tx) =>
      recordStatusChange(tx, { missionId: mission.id, status: "open", reason: null, sourceUrl: null, sourceTitle: null, effectiveAt: new Date("2024-11-01T00:00:00Z"), author: EDITOR }),
    );
  }
  return mission;
}

async function apiGet(path: string) {
  const { response } = await produceApiResponse({ db: getDb(), origin: ORIGIN }, new URL(path, ORIGIN));
  return { status: response.status, json: JSON.parse(response.body) as Record<string, unknown> };
}

describe("instants (effectiveAt and every other date input)", () => {
  const refused: unknown[] = [
    null,
    true,
    0,
    1732086000000,
    "",
    "yesterday",
    "2024-11-20",
    "2024-11-20T07:00:00",
    "2024-02-30T07:00:00Z",
    "275760-09-13T00:00:00Z",
    "+275760-09-13T00:00:00.000Z",
    "1989-12-31T23:59:59Z",
    { $date: "2024-11-20T07:00:00Z" },
  ];

  it.each(refused.map((value) => [JSON.stringify(value), value]))("a status report refuses effectiveAt %s and writes nothing", async (_label, effectiveAt) => {
    const db = getDb();
    const mission = await missionAt();
    const { token } = await createUserWithSession(db);
    const before = await snapshotDatabase(db);
    const response = await call(status.POST, { token, params: { id: String(mission.id) }, body: { status: "closed", reason: "Alert", ...source, effectiveAt, expectedVersion: 1 } });
    expect(response.status, JSON.stringify(response.json)).toBe(422);
    expect(fieldsOf(response.json)).toEqual(["effectiveAt"]);
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("names the accepted range", async () => {
    const db = getDb();
    const mission = await missionAt();
    const { token } = await createUserWithSession(db);
    const response = await call(status.POST, { token, params: { id: String(mission.id) }, body: { status: "closed", reason: "Alert", ...source, effectiveAt: "1989-12-31T23:59:59Z", expectedVersion: 1 } });
    expect(messagesOf(response.json)).toMatch(/between 1990-01-01 and 5 years from now/);
  });

  it("accepts an ISO 8601 date-time with an offset, stored as the instant it names", async () => {
    const db = getDb();
    const mission = await missionAt();
    const { token } = await createUserWithSession(db);
    const response = await call(status.POST, { token, params: { id: String(mission.id) }, body: { status: "closed", reason: "Alert", ...source, effectiveAt: "2024-11-20T09:00:00+02:00", expectedVersion: 1 } });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).statusSince?.toISOString()).toBe("2024-11-20T07:00:00.000Z");
  });

  it("a bulk event refuses the same values", async () => {
    const db = getDb();
    const mission = await missionAt();
    const { token } = await createUserWithSession(db);
    const before = await snapshotDatabase(db);
    for (const effectiveAt of [null, true, 0, "2024-11-20", "+275760-09-13T00:00:00.000Z"]) {
      const response = await call(events.POST, { token, body: { name: "Alert", status: "closed", reason: "Alert", ...source, effectiveAt, missions: [{ id: mission.id, expectedVersion: 1 }] } });
      expect(response.status, JSON.stringify(effectiveAt)).toBe(422);
      expect(fieldsOf(response.json)).toEqual(["effectiveAt"]);
    }
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("the API's changed_since takes the same instants", async () => {
    for (const value of ["2024-11-20", "1989-12-31T23:59:59Z", "+275760-09-13T00:00:00.000Z", "0"]) {
      const response = await apiGet(`/api/v1/missions?changed_since=${encodeURIComponent(value)}`);
      expect(response.status, value).toBe(400);
      expect(fieldsOf(response.json)).toEqual(["changed_since"]);
    }
    expect((await apiGet("/api/v1/missions?changed_since=2024-11-20T09:00:00%2B02:00")).status).toBe(200);
  });

  it("the own import format refuses an exportedAt that is not an instant", async () => {
    const db = getDb();
    const { token } = await createUserWithSession(db, { role: "admin" });
    const file = JSON.stringify({ format: EXPORT_FORMAT, exportedAt: 0, missions: [] });
    const response = await call(importRoute.POST, { token, path: "/api/admin/import?mode=dry-run", rawBody: file });
    expect(response.status).toBe(422);
    expect((response.json.error as { message: string }).message).toMatch(/exportedAt/);
  });
});

describe("NUL and control characters", () => {
  it("the API answers a slug with NUL (or any malformed slug) 400 naming it, before any query", async () => {
    for (const path of ["/api/v1/missions/x%00", "/api/v1/missions/x%00/history", "/api/v1/missions/x%00/badge.svg", "/api/v1/events/x%00", "/api/v1/missions/%E2%80%AEx", "/api/v1/missions/" + "a".repeat(201)]) {
      const response = await apiGet(path);
      expect(response.status, path).toBe(400);
      expect(fieldsOf(response.json), path).toEqual(["slug"]);
    }
  });

  it("the page lookups answer nothing for a malformed slug, before any query", async () => {
    expect(await getMissionBySlug("x\u0000", new Date())).toBeNull();
    expect(await getEventBySlug("x\u0000", new Date())).toBeNull();
  });

  it.each([
    ["mission", () => MissionPage({ params: Promise.resolve({ slug: "x\u0000" }), searchParams: Promise.resolve({}) })],
    ["event", () => EventPage({ params: Promise.resolve({ slug: "x\u0000" }), searchParams: Promise.resolve({}) })],
    ["host country", () => HostCountryPage({ params: Promise.resolve({ code: "U\u0000" }), searchParams: Promise.resolve({}) })],
    ["sending country", () => SendingCountryPage({ params: Promise.resolve({ code: "u\u0000" }), searchParams: Promise.resolve({}) })],
  ])("the %s page answers 404 for a malformed slug or code", async (_name, render) => {
    await expect(render()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });

  it("the login refuses an email with NUL with 422 naming it", async () => {
    const response = await call(login.POST, { body: { email: "ada\u0000@example.org", password: "a long test password" } });
    expect(response.status).toBe(422);
    expect(fieldsOf(response.json)).toEqual(["email"]);
  });

  const refusedInReasons = [
    ["NUL", "Closed\u0000"],
    ["vertical tab", "Closed\u000Bfor now"],
    ["form feed", "Closed\u000Cfor now"],
    ["escape", "Closed \u001B[31m"],
    ["DEL", "Closed\u007F"],
    ["a C1 control", "Closed\u0085"],
    ["a noncharacter", "Closed\uFFFE"],
    ["a lone surrogate", "Closed\uD800"],
  ] as const;

  it.each(refusedInReasons)("a status reason with %s is refused naming the reason, and nothing is written", async (_name, reason) => {
    const db = getDb();
    const mission = await missionAt();
    const { token } = await createUserWithSession(db);
    const before = await snapshotDatabase(db);
    const response = await call(status.POST, { token, params: { id: String(mission.id) }, body: { status: "closed", reason, ...source, expectedVersion: 1 } });
    expect(response.status).toBe(422);
    expect(fieldsOf(response.json)).toEqual(["reason"]);
    expect(messagesOf(response.json)).toMatch(/must not contain U\+[0-9A-F]{4}/);
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("keeps newlines in multi-line fields (reasons, descriptions), CRLF stored as LF", async () => {
    const db = getDb();
    const mission = await missionAt();
    const { token } = await createUserWithSession(db);
    const response = await call(events.POST, {
      token,
      body: { name: "Alert", description: "Line one\r\nLine two", status: "closed", reason: "Air-raid alert.\nAll staff sheltered.", ...source, missions: [{ id: mission.id, expectedVersion: 1 }] },
    });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    expect((await db.event.findFirstOrThrow()).description).toBe("Line one\nLine two");
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).statusReason).toBe("Air-raid alert.\nAll staff sheltered.");
  });

  it("refuses control characters (newlines too) in single-line fields of every write", async () => {
    const db = getDb();
    const mission = await missionAt();
    const { token } = await createUserWithSession(db, { role: "admin" });
    const cases: Array<[string, () => Promise<{ status: number; json: Record<string, unknown> }>, string]> = [
      ["mission city", () => call(missions.POST, { token, body: { sendingCode: "PL", hostCode: "UA", city: "Ky\u0000iv", type: "embassy" } }), "city"],
      ["mission address", () => call(missionItem.PATCH, { method: "PATCH", token, params: { id: String(mission.id) }, body: { address: "1 Main St\nFloor 2" } }), "address"],
      ["mission phone", () => call(missionItem.PATCH, { method: "PATCH", token, params: { id: String(mission.id) }, body: { phone: "+380\t44" } }), "phone"],
      ["mission email", () => call(missionItem.PATCH, { method: "PATCH", token, params: { id: String(mission.id) }, body: { email: "info\u0000@example.org" } }), "email"],
      ["mission website", () => call(missionItem.PATCH, { method: "PATCH", token, params: { id: String(mission.id) }, body: { website: "https://exa\nmple.org" } }), "website"],
      ["source URL", () => call(verify.POST, { token, params: { id: String(mission.id) }, body: { sourceUrl: "https://example.org/\u0000", expectedVersion: 1 } }), "sourceUrl"],
      ["source title", () => call(verify.POST, { token, params: { id: String(mission.id) }, body: { sourceUrl: source.sourceUrl, sourceTitle: "Report\u0007", expectedVersion: 1 } }), "sourceTitle"],
      ["event name", () => call(events.POST, { token, body: { name: "Alert\u0000", status: "closed", reason: "Alert", ...source, missions: [{ id: mission.id, expectedVersion: 1 }] } }), "name"],
      ["user name", () => call(users.POST, { token, body: { email: "new@example.org", name: "New\u0000", role: "editor", password: "another long password" } }), "name"],
      ["user email", () => call(users.POST, { token, body: { email: "new\u0000@example.org", name: "New", role: "editor", password: "another long password" } }), "email"],
    ];
    const before = await snapshotDatabase(db);
    for (const [name, send, field] of cases) {
      const response = await send();
      expect(response.status, name).toBe(422);
      expect(fieldsOf(response.json), name).toEqual([field]);
    }
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("refuses bidi override and isolate characters in names", async () => {
    const db = getDb();
    const mission = await missionAt();
    const { token } = await createUserWithSession(db, { role: "admin" });
    const before = await snapshotDatabase(db);
    for (const char of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"]) {
      const cases: Array<[() => Promise<{ status: number; json: Record<string, unknown> }>, string]> = [
        [() => call(missionItem.PATCH, { method: "PATCH", token, params: { id: String(mission.id) }, body: { name: `Embassy ${char}cod.exe` } }), "name"],
        [() => call(missionItem.PATCH, { method: "PATCH", token, params: { id: String(mission.id) }, body: { city: `Kyiv${char}` } }), "city"],
        [() => call(users.POST, { token, body: { email: "new@example.org", name: `Ada ${char}nimda`, role: "editor", password: "another long password" } }), "name"],
        [() => call(events.POST, { token, body: { name: `Alert ${char}x`, status: "closed", reason: "Alert", ...source, missions: [{ id: mission.id, expectedVersion: 1 }] } }), "name"],
      ];
      for (const [send, field] of cases) {
        const response = await send();
        expect(response.status, `U+${char.codePointAt(0)?.toString(16)} in ${field}`).toBe(422);
        expect(fieldsOf(response.json)).toEqual([field]);
        expect(messagesOf(response.json)).toMatch(/bidirectional/);
      }
    }
    expect(await snapshotDatabase(db)).toEqual(before);
    // Right-to-left text itself is welcome.
    const arabic = await call(missionItem.PATCH, { method: "PATCH", token, params: { id: String(mission.id) }, body: { name: "سفارة فرنسا" } });
    expect(arabic.status).toBe(200);
  });

  it("import rejects rows with control characters and keeps the others", async () => {
    const db = getDb();
    const { token } = await createUserWithSession(db, { role: "admin" });
    const file = JSON.stringify({
      format: EXPORT_FORMAT,
      missions: [
        { sendingCode: "PL", hostCode: "UA", city: "Ky\u0000iv", type: "embassy" },
        { sendingCode: "DE", hostCode: "UA", city: "Lviv", type: "consulate", name: "\u202Eevil" },
        { sendingCode: "FR", hostCode: "UA", city: "Odesa", type: "consulate" },
      ],
    });
    const plan = await call(importRoute.POST, { token, path: "/api/admin/import?mode=dry-run", rawBody: file });
    expect(plan.status).toBe(200);
    expect((plan.json.plan as { summary: Record<string, number> }).summary).toMatchObject({ add: 1, reject: 2 });

    const header = "operator;operatorQID;country;countryQID;city;address;latitude;longitude;phone;email;website;type;QID";
    const csv = [header, "France;Q142;Ukraine;Q212;Ky\u000Biv;;50.4;30.5;;;;embassy;Q1", "Poland;Q36;Ukraine;Q212;Kyiv;;50.4;30.5;;;;embassy;Q2"].join("\n");
    const csvPlan = await call(importRoute.POST, { token, path: "/api/admin/import?mode=dry-run", rawBody: csv });
    expect(csvPlan.status).toBe(200);
    expect((csvPlan.json.plan as { summary: Record<string, number> }).summary).toMatchObject({ add: 1, reject: 1 });
  });
});
