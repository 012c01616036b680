// One error model: every refusal of the admin routes, the login and the public API has the
// same JSON shape (the OpenAPI document's `Error`), its status comes from one table, and a
// busy database answers 503 with Retry-After.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it, vi } from "vitest";
import * as login from "@/app/api/auth/login/route";
import * as status from "@/app/api/admin/missions/[id]/status/route";
import * as missions from "@/app/api/admin/missions/route";
import * as users from "@/app/api/admin/users/route";
import * as importRoute from "@/app/api/admin/import/route";
import { createOpenApiDocument } from "@/lib/api/openapi";
import { getDb } from "@/lib/db/client";
import { BusyError, ERROR_CODES, NotFoundError } from "@/lib/errors";
import { HTTP_STATUS, toAppError } from "@/lib/http/errors";
import { handleHotRequest } from "@/lib/http/hot-paths";
import { errorResponse } from "@/lib/http/response";
import { defineRoute } from "@/lib/http/route";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { createMission, EDITOR } from "../factories";
import { call, createUserWithSession, ORIGIN } from "../http";

const document = createOpenApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document as object, "openapi");
const validateError = ajv.getSchema("openapi#/components/schemas/Error");

interface Answer {
  status: number;
  json: Record<string, unknown>;
  headers: Headers;
}

/** The one shape: documented, its status the HTTP status, its code the table's, never cached. */
function expectOneShape(answer: Answer, code: string) {
  if (!validateError) throw new Error("The OpenAPI document has no Error schema");
  expect(validateError(answer.json), JSON.stringify(validateError.errors)).toBe(true);
  const error = answer.json.error as { code: string; status: number; message: string; fields?: unknown[] };
  expect(error.code).toBe(code);
  expect(error.status).toBe(answer.status);
  expect(HTTP_STATUS[error.code as keyof typeof HTTP_STATUS]).toBe(answer.status);
  expect(error.message.length).toBeGreaterThan(0);
  expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
  expect(answer.headers.get("cache-control")).toBe("no-store");
  return error;
}

async function publicGet(path: string, method = "GET"): Promise<Answer> {
  const response = await handleHotRequest(new Request(`${ORIGIN}${path}`, { method }), getDb);
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text) as Record<string, unknown>, headers: response.headers };
}

async function missionWithStatus() {
  const db = getDb();
  const mission = await createMission(db);
  await db.$transaction((tx) =>
    recordStatusChange(tx, { missionId: mission.id, status: "open", reason: null, sourceUrl: null, sourceTitle: null, effectiveAt: new Date("2024-11-01T00:00:00Z"), author: EDITOR }),
  );
  return mission;
}

const report = { status: "closed", reason: "Air-raid alert", sourceUrl: "https://example.org/report" };

describe("one JSON error shape", () => {
  it("documents every code of the table in the OpenAPI Error schema", () => {
    const schema = (document.components?.schemas as Record<string, { properties: { error: { properties: { code: { enum: string[] } } } } }>).Error;
    expect(schema?.properties.error.properties.code.enum.sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...ERROR_CODES].sort());
  });

  it("answers admin refusals in it", async () => {
    const db = getDb();
    const mission = await missionWithStatus();
    const editor = await createUserWithSession(db);
    const params = { id: String(mission.id) };

    expectOneShape(await call(missions.POST, { body: {} }), "unauthenticated");
    expectOneShape(await call(missions.POST, { token: editor.token, origin: "https://evil.example", body: {} }), "forbidden");
    expectOneShape(await call(users.POST, { token: editor.token, body: {} }), "forbidden");

    const unreadable = expectOneShape(await call(missions.POST, { token: editor.token, rawBody: "{ not json", headers: { "content-type": "application/json" } }), "bad_request");
    expect(unreadable.fields).toEqual([{ field: "body", message: "is not valid JSON" }]);

    const invalid = expectOneShape(await call(missions.POST, { token: editor.token, body: { sendingCode: "FR" } }), "invalid");
    expect(invalid.fields).toEqual(expect.arrayContaining([{ field: "hostCode", message: "is required" }]));

    const missing = expectOneShape(await call(status.POST, { token: editor.token, params: { id: "999999" }, body: { ...report, expectedVersion: 1 } }), "not_found");
    expect(missing.fields).toEqual([{ field: "id", message: "no mission 999999 (or it is archived)" }]);

    const conflict = await call(status.POST, { token: editor.token, params, body: { ...report, expectedVersion: 0 } });
    const conflictError = expectOneShape(conflict, "conflict") as { fields?: unknown; details?: { current?: { version: number }; latestChange?: unknown } };
    expect(conflictError.fields).toEqual([{ field: "expectedVersion", message: "is 0, but the mission is now at version 1" }]);
    expect(conflictError.details?.current?.version).toBe(1);
    expect(conflictError.details?.latestChange).toMatchObject({ newStatus: "open" });
  });

  it("answers an oversized body and the login in it", async () => {
    const db = getDb();
    const admin = await createUserWithSession(db, { role: "admin" });
    const huge = await call(importRoute.POST, { token: admin.token, path: "/api/admin/import?mode=dry-run", rawBody: new Uint8Array(21 * 1024 * 1024) });
    const tooLarge = expectOneShape(huge, "too_large") as { details?: { limitBytes?: number }; fields?: unknown };
    expect(tooLarge.details?.limitBytes).toBe(20 * 1024 * 1024);
    expect(tooLarge.fields).toEqual([{ field: "body", message: "must be at most 20 MB" }]);

    const wrong = await call(login.POST, { body: { email: admin.user.email, password: "not the password" } });
    expect(expectOneShape(wrong, "unauthenticated").message).toBe("Email or password is wrong");
  });

  it("answers public API refusals in it", async () => {
    const bad = expectOneShape(await publicGet("/api/v1/missions?host=UKR"), "bad_request");
    expect(bad.fields).toEqual([{ field: "host", message: "must be a two-letter country code" }]);
    const missing = expectOneShape(await publicGet("/api/v1/missions/no-such-mission"), "not_found");
    expect(missing.fields).toEqual([{ field: "slug", message: "no mission has this slug" }]);
    expectOneShape(await publicGet("/api/v1/nothing-here"), "not_found");
    const method = await publicGet("/api/v1/missions", "DELETE");
    expectOneShape(method, "method_not_allowed");
    expect(method.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});

describe("errors from below the commands", () => {
  it("a unique violation the commands did not foresee is a conflict naming the column", async () => {
    const db = getDb();
    const mission = await createMission(db);
    const duplicate = await db.mission.create({ data: { slug: mission.slug, sendingCode: "FR", hostCode: "UA", city: "Kyiv", type: "embassy" } }).catch((error: unknown) => error);
    const error = toAppError(duplicate);
    expect(error).toMatchObject({ code: "conflict", fields: [{ field: "slug", message: "is already taken" }] });
  });
});

describe("a busy database", () => {
  it("is answered 503 with Retry-After by the route wrapper", async () => {
    const route = defineRoute({ access: "public" }, async () => {
      throw new BusyError("The database is busy", 2);
    });
    const answer = await call(route, { method: "GET" });
    const error = expectOneShape(answer, "busy") as { retryAfterSeconds?: number };
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("2");
    expect(error.retryAfterSeconds).toBe(2);
  });

  it("is answered 503 with Retry-After by the one errorResponse, which the public API uses too", () => {
    const response = errorResponse(new BusyError());
    expect(response.status).toBe(503);
    expect(response.headers["Retry-After"]).toBe("1");
    expect(JSON.parse(response.body)).toEqual({ error: { code: "busy", status: 503, message: "The database is busy; try again in a moment", retryAfterSeconds: 1 } });
    // The numeric form, for callers outside any domain such as the custom server.
    expect(JSON.parse(errorResponse(400, "Malformed URL").body)).toEqual({ error: { code: "bad_request", status: 400, message: "Malformed URL" } });
    expect(JSON.parse(errorResponse(new NotFoundError("Mission not found")).body).error.code).toBe("not_found");
  });

  it("hides an unexpected error behind 500 and logs it", async () => {
    const logged = vi.spyOn(console, "error").mockImplementationOnce(() => undefined);
    const route = defineRoute({ access: "public" }, async () => {
      throw new Error("secret connection string");
    });
    const answer = await call(route, { method: "GET" });
    expect(answer.status).toBe(500);
    expect(expectOneShape(answer, "internal").message).toBe("Internal error");
    expect(JSON.stringify(answer.json)).not.toContain("secret");
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockClear();
  });
});
