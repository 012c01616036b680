import { describe, expect, it } from "vitest";
import * as login from "@/app/api/auth/login/route";
import * as logout from "@/app/api/auth/logout/route";
import * as users from "@/app/api/admin/users/route";
import { createLoginLimiters } from "@/lib/auth/rate-limit";
import { getSessionUser, hashToken, SESSION_TTL_SECONDS } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { call, createUserWithSession } from "../http";

// Each test gets fresh limiters, so one test's failures never block another.
const registry = globalThis as { chanceryLoginLimiters?: unknown };
const freshLimiters = () => (registry.chanceryLoginLimiters = createLoginLimiters());

const tokenFrom = (setCookie: string | null) => setCookie?.match(/chancery_session=([^;]*)/)?.[1];

describe("login", () => {
  it("opens a server-side session whose cookie is httpOnly, SameSite=Lax and stores only a hash", async () => {
    freshLimiters();
    const db = getDb();
    const { user, password } = await createUserWithSession(db, { email: "ada@example.org" });
    const response = await call(login.POST, { body: { email: " ADA@example.org ", password } });
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(new RegExp(`Max-Age=${SESSION_TTL_SECONDS}`));
    expect(cookie).not.toMatch(/Secure/);
    const token = tokenFrom(cookie)!;
    expect(await db.session.findUnique({ where: { id: token } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: hashToken(token) } })).toMatchObject({ userId: user.id });
  });

  it("marks the cookie Secure when the request came over HTTPS", async () => {
    freshLimiters();
    const { password } = await createUserWithSession(getDb(), { email: "tls@example.org" });
    const response = await call(login.POST, { body: { email: "tls@example.org", password }, headers: { "x-forwarded-proto": "https" } });
    expect(response.headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("answers a wrong email, a wrong password and a deactivated account identically", async () => {
    freshLimiters();
    const db = getDb();
    const { password } = await createUserWithSession(db, { email: "known@example.org" });
    await createUserWithSession(db, { email: "gone@example.org", active: false, password });
    const wrongEmail = await call(login.POST, { body: { email: "unknown@example.org", password } });
    const wrongPassword = await call(login.POST, { body: { email: "known@example.org", password: "not the password" } });
    const deactivated = await call(login.POST, { body: { email: "gone@example.org", password } });
    for (const response of [wrongEmail, wrongPassword, deactivated]) {
      expect(response.status).toBe(401);
      expect(response.error).toMatchObject({ code: "unauthenticated", message: "Email or password is wrong" });
      expect(response.headers.get("set-cookie")).toBeNull();
    }
  });

  it("rotates the session: the token sent before login is ended", async () => {
    freshLimiters();
    const db = getDb();
    const { token: old, password, user } = await createUserWithSession(db, { email: "rotate@example.org" });
    const response = await call(login.POST, { token: old, body: { email: "rotate@example.org", password } });
    const fresh = tokenFrom(response.headers.get("set-cookie"))!;
    expect(fresh).not.toBe(old);
    expect(await getSessionUser(db, old)).toBeNull();
    expect(await getSessionUser(db, fresh)).toMatchObject({ id: user.id });
  });

  it("limits failed attempts per account with 429 and Retry-After, even with the right password", async () => {
    freshLimiters();
    const { password } = await createUserWithSession(getDb(), { email: "target@example.org" });
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await call(login.POST, { body: { email: "target@example.org", password: "guess" }, headers: { "x-forwarded-for": `10.0.0.${attempt}` } });
      expect(response.status).toBe(401);
    }
    const blocked = await call(login.POST, { body: { email: "target@example.org", password }, headers: { "x-forwarded-for": "10.0.0.99" } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(blocked.error?.message).toMatch(/Too many login attempts/);
  });

  it("limits attempts per client address across accounts", async () => {
    const limiters = freshLimiters();
    const headers = { "x-forwarded-for": "203.0.113.7" };
    for (let attempt = 0; attempt < limiters.perIp.limit; attempt++) {
      expect((await call(login.POST, { body: { email: `nobody${attempt}@example.org`, password: "x" }, headers })).status).toBe(401);
    }
    const blocked = await call(login.POST, { body: { email: "someone@example.org", password: "x" }, headers });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBeTruthy();
    // Another address is not affected.
    expect((await call(login.POST, { body: { email: "someone@example.org", password: "x" }, headers: { "x-forwarded-for": "203.0.113.8" } })).status).toBe(401);
  });

  it("names the field of a malformed login and refuses another origin", async () => {
    freshLimiters();
    const bad = await call(login.POST, { body: { email: "a@example.org" } });
    expect(bad.status).toBe(422);
    expect(bad.error?.fields).toEqual([{ field: "password", message: "is required" }]);
    const crossSite = await call(login.POST, { origin: "https://evil.example", body: { email: "a@example.org", password: "x" } });
    expect(crossSite.status).toBe(403);
  });
});

describe("sessions", () => {
  it("expire", async () => {
    const db = getDb();
    const { token } = await createUserWithSession(db);
    await db.session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getSessionUser(db, token)).toBeNull();
    expect(await db.session.count()).toBe(0);
    const response = await call(users.GET, { method: "GET", token });
    expect(response.status).toBe(401);
  });

  it("log out here, or everywhere", async () => {
    const db = getDb();
    const { token: first, user } = await createUserWithSession(db, { role: "admin" });
    const second = (await import("@/lib/auth/sessions")).createSession(db, user.id);
    const { token: third } = await second;
    const here = await call(logout.POST, { token: first });
    expect(here.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect(await getSessionUser(db, first)).toBeNull();
    expect(await getSessionUser(db, third)).not.toBeNull();

    const { token: fourth } = await (await import("@/lib/auth/sessions")).createSession(db, user.id);
    await call(logout.POST, { token: fourth, body: { everywhere: true } });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await call(users.GET, { method: "GET", token: third })).status).toBe(401);
  });
});
