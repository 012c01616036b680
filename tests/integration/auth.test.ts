import { afterEach, describe, expect, it, vi } from "vitest";
import * as login from "@/app/api/auth/login/route";
import * as logout from "@/app/api/auth/logout/route";
import * as users from "@/app/api/admin/users/route";
import { login as logIn } from "@/lib/auth/login";
import { loginProtection } from "@/lib/auth/login-protection";
import { getSessionUser, hashToken, SESSION_TTL_SECONDS } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { createDb } from "@/lib/db/create";
import { call, createUserWithSession } from "../http";

const tokenFrom = (setCookie: string | null) => setCookie?.match(/chancery_session=([^;]*)/)?.[1];

/** The login route as it runs with these variables set (a fresh module graph reads them). */
async function loginRouteWith(variables: Record<string, string>) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  vi.resetModules();
  return (await import("@/app/api/auth/login/route")).POST;
}
afterEach(() => {
  vi.unstubAllEnvs();
});

// What server.ts hands on (lib/http/client-ip.ts applyProxyTrust): whatever the client claimed,
// then the socket's peer.
const from = (peer: string, claimed?: string) => ({ "x-forwarded-for": claimed ? `${claimed}, ${peer}` : peer });
const OWNER_ADDRESS = "198.51.100.10";
const MAX_FAILS = 5; // per account and address (lib/auth/login-protection.ts)

describe("login", () => {
  it("opens a server-side session whose cookie is httpOnly, SameSite=Lax and stores only a hash", async () => {
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

  it("believes X-Forwarded-Proto about HTTPS only from a configured proxy (TRUST_PROXY)", async () => {
    const { password } = await createUserWithSession(getDb(), { email: "tls@example.org" });
    const request = { body: { email: "tls@example.org", password }, headers: { "x-forwarded-proto": "https" } };
    expect((await call(login.POST, request)).headers.get("set-cookie")).not.toMatch(/Secure/);
    const behindProxy = await loginRouteWith({ TRUST_PROXY: "1" });
    expect((await call(behindProxy, request)).headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("marks the cookie Secure whenever PUBLIC_ORIGIN is https, whatever the proxy says", async () => {
    const { password } = await createUserWithSession(getDb(), { email: "origin@example.org" });
    const route = await loginRouteWith({ PUBLIC_ORIGIN: "https://chancery.example" });
    expect((await call(route, { body: { email: "origin@example.org", password } })).headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("answers a wrong email, a wrong password and a deactivated account identically", async () => {
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
    const db = getDb();
    const { token: old, password, user } = await createUserWithSession(db, { email: "rotate@example.org" });
    const response = await call(login.POST, { token: old, body: { email: "rotate@example.org", password } });
    const fresh = tokenFrom(response.headers.get("set-cookie"))!;
    expect(fresh).not.toBe(old);
    expect(await getSessionUser(db, old)).toBeNull();
    expect(await getSessionUser(db, fresh)).toMatchObject({ id: user.id });
  });

  it("stops guessing from one address: after 5 wrong passwords that address gets 429 for the account, even with the right password", async () => {
    const { password } = await createUserWithSession(getDb(), { email: "target@example.org" });
    const attacker = from("203.0.113.7");
    for (let attempt = 0; attempt < MAX_FAILS; attempt++) {
      expect((await call(login.POST, { body: { email: "target@example.org", password: `guess ${attempt}` }, headers: attacker })).status).toBe(401);
    }
    const blocked = await call(login.POST, { body: { email: "target@example.org", password }, headers: attacker });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(Number(blocked.headers.get("retry-after"))).toBeLessThanOrEqual(15 * 60);
    expect(blocked.error?.message).toMatch(/Too many login attempts/);
    expect(blocked.headers.get("set-cookie")).toBeNull();
  });

  it("counts parallel guesses before checking them: of 10 at once from one address, 5 are checked", async () => {
    await createUserWithSession(getDb(), { email: "parallel@example.org" });
    const attempts = Array.from({ length: 10 }, (_, attempt) => call(login.POST, { body: { email: "parallel@example.org", password: `guess ${attempt}` }, headers: from("203.0.113.30") }));
    const statuses = (await Promise.all(attempts)).map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(5).fill(429)]);
  });

  it("never locks the owner out: wrong passwords from other addresses leave the owner's own address alone", async () => {
    const { password } = await createUserWithSession(getDb(), { email: "owner@example.org" });
    for (const address of ["203.0.113.1", "203.0.113.2"]) {
      for (let attempt = 0; attempt <= MAX_FAILS; attempt++) await call(login.POST, { body: { email: "owner@example.org", password: "guess" }, headers: from(address) });
      expect((await call(login.POST, { body: { email: "owner@example.org", password }, headers: from(address) })).status).toBe(429);
    }
    const owner = await call(login.POST, { body: { email: "owner@example.org", password }, headers: from(OWNER_ADDRESS) });
    expect(owner.status).toBe(200);
  });

  it("a right password starts the account's count from this address afresh", async () => {
    const { password } = await createUserWithSession(getDb(), { email: "typo@example.org" });
    const headers = from(OWNER_ADDRESS);
    for (const round of [1, 2]) {
      for (let attempt = 1; attempt < MAX_FAILS; attempt++) {
        expect((await call(login.POST, { body: { email: "typo@example.org", password: "tpyo" }, headers })).status, `round ${round}`).toBe(401);
      }
      expect((await call(login.POST, { body: { email: "typo@example.org", password }, headers })).status, `round ${round}`).toBe(200);
    }
  });

  it("X-Forwarded-For rotation does not help without TRUST_PROXY; with it, the proxy's client address counts", async () => {
    await createUserWithSession(getDb(), { email: "rotated@example.org" });
    const guess = (route: typeof login.POST, claimed: string) =>
      call(route, { body: { email: "rotated@example.org", password: "guess" }, headers: from("192.0.2.50", claimed) });
    const statuses = [];
    for (let attempt = 0; attempt <= MAX_FAILS; attempt++) statuses.push((await guess(login.POST, `10.0.0.${attempt}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);

    const behindProxy = await loginRouteWith({ TRUST_PROXY: "1" });
    expect((await guess(behindProxy, "10.0.1.1")).status).toBe(401);
    expect((await guess(behindProxy, "10.0.1.2")).status).toBe(401);
  });

  it("limits wrong attempts per address per day across accounts (LOGIN_IP_LIMIT)", async () => {
    const route = await loginRouteWith({ LOGIN_IP_LIMIT: "3" });
    const headers = from("203.0.113.9");
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await call(route, { body: { email: `nobody${attempt}@example.org`, password: "x" }, headers })).status).toBe(401);
    }
    const blocked = await call(route, { body: { email: "someone@example.org", password: "x" }, headers });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(23 * 3600);
    // Another address is not affected.
    expect((await call(route, { body: { email: "someone@example.org", password: "x" }, headers: from("203.0.113.8") })).status).toBe(401);
  });

  it("shares the counters through the database, so another instance refuses the same guesser", async () => {
    const db = getDb();
    const { password } = await createUserWithSession(db, { email: "shared@example.org" });
    for (let attempt = 0; attempt < MAX_FAILS; attempt++) await call(login.POST, { body: { email: "shared@example.org", password: "guess" }, headers: from("203.0.113.20") });
    const otherInstance = createDb(process.env.DATABASE_URL!);
    try {
      const result = await logIn(otherInstance, { email: "shared@example.org", password }, "203.0.113.20", loginProtection(otherInstance));
      expect(result).toMatchObject({ ok: false, reason: "rate-limited" });
      expect(await logIn(otherInstance, { email: "shared@example.org", password }, OWNER_ADDRESS, loginProtection(otherInstance))).toMatchObject({ ok: true });
    } finally {
      await otherInstance.$disconnect();
    }
  });

  it("names the field of a malformed login and refuses another origin", async () => {
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
