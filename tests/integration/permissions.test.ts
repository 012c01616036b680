// Every write route × anonymous, deactivated user, editor, admin, and a cross-origin admin:
// only the allowed calls succeed, and a refused call leaves the database as it was.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import * as events from "@/app/api/admin/events/route";
import * as freshnessPolicy from "@/app/api/admin/freshness/[code]/route";
import * as importRoute from "@/app/api/admin/import/route";
import * as archive from "@/app/api/admin/missions/[id]/archive/route";
import * as missionItem from "@/app/api/admin/missions/[id]/route";
import * as scheduled from "@/app/api/admin/missions/[id]/scheduled/route";
import * as scheduledItem from "@/app/api/admin/missions/[id]/scheduled/[scheduledId]/route";
import * as scheduledCancel from "@/app/api/admin/missions/[id]/scheduled/[scheduledId]/cancel/route";
import * as status from "@/app/api/admin/missions/[id]/status/route";
import * as verify from "@/app/api/admin/missions/[id]/verify/route";
import * as reasonTexts from "@/app/api/admin/missions/[id]/reason-texts/route";
import * as missions from "@/app/api/admin/missions/route";
import * as userItem from "@/app/api/admin/users/[id]/route";
import * as users from "@/app/api/admin/users/route";
import * as bulkVerify from "@/app/api/admin/verify/route";
import * as proposalAccept from "@/app/api/admin/proposals/[id]/accept/route";
import * as proposalDismiss from "@/app/api/admin/proposals/[id]/dismiss/route";
import * as sourceItem from "@/app/api/admin/sources/[id]/route";
import * as sources from "@/app/api/admin/sources/route";
import { getSessionUser } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/create";
import { getAuditEntries } from "@/lib/missions/admin-queries";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { createMission, EDITOR } from "../factories";
import { call, createUserWithSession, snapshotDatabase, type CallOptions } from "../http";

type Handler = Parameters<typeof call>[0];
interface Fixture {
  missionId: number;
  otherUserId: number;
  scheduledId: number;
  sourceId: number;
  proposalId: number;
}
interface WritePath {
  name: string;
  handler: Handler;
  allowed: "editor" | "admin";
  options: (fixture: Fixture) => CallOptions;
  method?: string;
}

const source = { sourceUrl: "https://example.org/report", reason: "Air-raid alert" };
const tomorrow = () => new Date(Date.now() + 24 * 3600 * 1000);
const scheduledIds = (f: Fixture) => ({ id: String(f.missionId), scheduledId: String(f.scheduledId) });

export const WRITE_PATHS: WritePath[] = [
  { name: "create mission", handler: missions.POST, allowed: "editor", options: () => ({ body: { sendingCode: "PL", hostCode: "UA", city: "Lviv", type: "consulate_general" } }) },
  { name: "edit mission", handler: missionItem.PATCH, allowed: "editor", method: "PATCH", options: (f) => ({ params: { id: String(f.missionId) }, body: { address: "1 Main St" } }) },
  { name: "archive mission", handler: archive.POST, allowed: "editor", options: (f) => ({ params: { id: String(f.missionId) }, body: { archived: true } }) },
  { name: "change status", handler: status.POST, allowed: "editor", options: (f) => ({ params: { id: String(f.missionId) }, body: { status: "closed", ...source, expectedVersion: 1 } }) },
  { name: "translate the reason", handler: reasonTexts.POST, allowed: "editor", options: (f) => ({ params: { id: String(f.missionId) }, body: { language: "uk", text: "Працює як завжди" } }) },
  { name: "re-verify", handler: verify.POST, allowed: "editor", options: (f) => ({ params: { id: String(f.missionId) }, body: { sourceUrl: source.sourceUrl, expectedVersion: 1 } }) },
  { name: "bulk event", handler: events.POST, allowed: "editor", options: (f) => ({ body: { name: "Alert", status: "closed", ...source, missions: [{ id: f.missionId, expectedVersion: 1 }] } }) },
  { name: "schedule a change", handler: scheduled.POST, allowed: "editor", options: (f) => ({ params: { id: String(f.missionId) }, body: { status: "closed", ...source, effectiveAt: tomorrow().toISOString() } }) },
  {
    name: "edit a scheduled change",
    handler: scheduledItem.PATCH,
    allowed: "editor",
    method: "PATCH",
    options: (f) => ({ params: scheduledIds(f), body: { status: "limited", ...source, effectiveAt: tomorrow().toISOString(), expectedVersion: 0 } }),
  },
  { name: "cancel a scheduled change", handler: scheduledCancel.POST, allowed: "editor", options: (f) => ({ params: scheduledIds(f), body: { expectedVersion: 0 } }) },
  { name: "bulk re-verify", handler: bulkVerify.POST, allowed: "editor", options: (f) => ({ body: { name: "Re-verification", sourceUrl: source.sourceUrl, missions: [{ id: f.missionId, expectedVersion: 1 }] } }) },
  {
    name: "freshness policy",
    handler: freshnessPolicy.PUT,
    allowed: "admin",
    method: "PUT",
    options: () => ({ params: { code: "UA" }, body: { closedStaleHours: 12, limitedStaleHours: 12, openStaleHours: null, inCrisis: true } }),
  },
  { name: "create user", handler: users.POST, allowed: "admin", options: () => ({ body: { email: "new@example.org", name: "New", role: "editor", password: "another long password" } }) },
  {
    name: "import",
    handler: importRoute.POST,
    allowed: "admin",
    options: () => ({ path: "/api/admin/import?mode=apply", rawBody: fs.readFileSync("prisma/seed-data/kyiv-missions.csv") }),
  },
  { name: "add a source", handler: sources.POST, allowed: "admin", options: (f) => ({ body: { name: "Alerts", url: "https://embassy.example/feed", kind: "rss", language: "en", missionIds: [f.missionId] } }) },
  { name: "pause or resume a source", handler: sourceItem.PATCH, allowed: "admin", method: "PATCH", options: (f) => ({ params: { id: String(f.sourceId) }, body: { enabled: true } }) },
  { name: "delete a source", handler: sourceItem.DELETE, allowed: "admin", method: "DELETE", options: (f) => ({ params: { id: String(f.sourceId) } }) },
  { name: "accept a proposal", handler: proposalAccept.POST, allowed: "editor", options: (f) => ({ params: { id: String(f.proposalId) }, body: { expectedVersion: 1 } }) },
  { name: "dismiss a proposal", handler: proposalDismiss.POST, allowed: "editor", options: (f) => ({ params: { id: String(f.proposalId) }, body: { reason: "Old alert" } }) },
  { name: "change user", handler: userItem.PATCH, allowed: "admin", method: "PATCH", options: (f) => ({ params: { id: String(f.otherUserId) }, body: { role: "admin" } }) },
];

async function fixture(db: Db): Promise<Fixture> {
  const mission = await createMission(db, { sendingCode: "US" });
  await db.$transaction((tx) =>
    recordStatusChange(tx, { missionId: mission.id, status: "open", reason: "Open as usual", sourceUrl: null, sourceTitle: null, effectiveAt: new Date("2024-11-01T00:00:00Z"), author: EDITOR }),
  );
  const other = await createUserWithSession(db, { email: "other@example.org" });
  const pending = await db.scheduledChange.create({
    data: { missionId: mission.id, status: "closed", reason: "Holiday", sourceUrl: source.sourceUrl, effectiveAt: tomorrow(), createdBy: "Test editor" },
  });
  const watched = await db.source.create({ data: { name: "Alerts", url: "https://embassy.example/feed", kind: "rss", language: "en", missionIds: JSON.stringify([mission.id]) } });
  const proposal = await db.proposal.create({
    data: { sourceId: watched.id, missionId: mission.id, dedupeKey: `k-${watched.id}`, kind: "change", classification: "closed", suggestedStatus: "closed", title: "Alert", excerpt: "The Embassy is closed.", triggerPhrase: "Embassy is closed", link: "https://embassy.example/alert", confidence: 0.9 },
  });
  return { missionId: mission.id, otherUserId: other.user.id, scheduledId: pending.id, sourceId: watched.id, proposalId: proposal.id };
}

type Actor = "anonymous" | "deactivated" | "editor" | "admin" | "admin from another origin" | "admin without Origin";

async function tokenFor(db: Db, actor: Actor): Promise<string | undefined> {
  if (actor === "anonymous") return undefined;
  const role = actor === "editor" || actor === "deactivated" ? "editor" : "admin";
  const { token, user } = await createUserWithSession(db, { role });
  if (actor === "deactivated") await db.user.update({ where: { id: user.id }, data: { active: false } });
  return token;
}

const expectedStatus = (path: WritePath, actor: Actor): number => {
  if (actor === "admin from another origin" || actor === "admin without Origin") return 403;
  if (actor === "anonymous" || actor === "deactivated") return 401;
  if (actor === "editor" && path.allowed === "admin") return 403;
  return 0; // success
};

const ACTORS: Actor[] = ["anonymous", "deactivated", "editor", "admin", "admin from another origin", "admin without Origin"];

describe.each(WRITE_PATHS)("$name", (path) => {
  it.each(ACTORS)("as %s", async (actor) => {
    const db = getDb();
    const f = await fixture(db);
    const token = await tokenFor(db, actor);
    const before = await snapshotDatabase(db);
    const origin = actor === "admin from another origin" ? "https://evil.example" : actor === "admin without Origin" ? null : undefined;
    const response = await call(path.handler, { method: path.method, token, origin, ...path.options(f) });
    const expected = expectedStatus(path, actor);
    if (expected) {
      expect(response.status, JSON.stringify(response.json)).toBe(expected);
      expect(await snapshotDatabase(db)).toEqual(before);
    } else {
      expect(response.status, JSON.stringify(response.json)).toBeLessThan(300);
      expect(await snapshotDatabase(db)).not.toEqual(before);
      expect(await db.auditEntry.count()).toBeGreaterThan(0);
    }
  });
});

describe("host scope", () => {
  it("refuses an editor scoped to other host countries and writes nothing", async () => {
    const db = getDb();
    const f = await fixture(db);
    const { token } = await createUserWithSession(db, { hostScope: "PL,DE" });
    const before = await snapshotDatabase(db);
    const response = await call(status.POST, { token, params: { id: String(f.missionId) }, body: { status: "closed", ...source, expectedVersion: 1 } });
    expect(response.status).toBe(403);
    expect(response.error?.message).toMatch(/UA/);
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("audit log", () => {
  // Writes through the real routes: a user created, a status changed in Ukraine and in Poland.
  async function auditedWrites(db: Db) {
    const admin = await createUserWithSession(db, { role: "admin", email: "boss@example.org" });
    const inUkraine = await createMission(db, { hostCode: "UA", sendingCode: "DE" });
    const inPoland = await createMission(db, { hostCode: "PL", sendingCode: "DE", city: "Warsaw", timeZone: "Europe/Warsaw" });
    const created = await call(users.POST, { token: admin.token, body: { email: "secret-editor@example.org", name: "Secret", role: "editor", password: "another long password", hostScope: ["PL"] } });
    expect(created.status).toBe(201);
    for (const mission of [inUkraine, inPoland]) {
      const response = await call(status.POST, { token: admin.token, params: { id: String(mission.id) }, body: { status: "closed", ...source, expectedVersion: 0 } });
      expect(response.status, JSON.stringify(response.json)).toBeLessThan(300);
    }
    return { admin, inUkraine, inPoland };
  }

  const viewer = async (db: Db, overrides: Parameters<typeof createUserWithSession>[1]) => (await getSessionUser(db, (await createUserWithSession(db, overrides)).token))!;
  const visible = async (db: Db, user: Awaited<ReturnType<typeof viewer>>) =>
    (await getAuditEntries(db, user, {})).map((entry) => `${entry.entityType} ${entry.entityId}`).sort();

  it("shows admins every entry, user records included", async () => {
    const db = getDb();
    const { admin, inUkraine, inPoland } = await auditedWrites(db);
    const entries = await visible(db, (await getSessionUser(db, admin.token))!);
    expect(entries).toEqual(expect.arrayContaining([`mission ${inUkraine.id}`, `mission ${inPoland.id}`, expect.stringMatching(/^user \d+$/)]));
  });

  it.each([
    ["an editor of every host country", null, ["UA", "PL"]],
    ["an editor scoped to Ukraine", "UA", ["UA"]],
    ["an editor scoped elsewhere", "DE,FR", []],
  ] as const)("shows %s only the entries of missions they may edit, and no user record", async (_, hostScope, hosts) => {
    const db = getDb();
    const { inUkraine, inPoland } = await auditedWrites(db);
    const user = await viewer(db, { role: "editor", hostScope });
    const expected = hosts.map((host) => `mission ${host === "UA" ? inUkraine.id : inPoland.id}`).sort();
    expect(await visible(db, user)).toEqual(expected);
    const texts = JSON.stringify(await getAuditEntries(db, user, {}));
    expect(texts).not.toContain("secret-editor@example.org");
    expect(texts).not.toContain("boss@example.org");
  });
});
