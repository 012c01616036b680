import { describe, expect, it } from "vitest";
import * as archive from "@/app/api/admin/missions/[id]/archive/route";
import * as missionItem from "@/app/api/admin/missions/[id]/route";
import * as missions from "@/app/api/admin/missions/route";
import * as userItem from "@/app/api/admin/users/[id]/route";
import * as users from "@/app/api/admin/users/route";
import { getSessionUser } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { getMissionBySlug, getMissionPage } from "@/lib/missions/queries";
import { parseMissionFiltersLeniently } from "@/lib/missions/filters";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { createMission, EDITOR } from "../factories";
import { call, createUserWithSession, snapshotDatabase } from "../http";

describe("missions", () => {
  it("creates a mission with a slug and the host city's time zone, audited", async () => {
    const db = getDb();
    const { token, user } = await createUserWithSession(db);
    const response = await call(missions.POST, { token, body: { sendingCode: "pl", hostCode: "UA", city: "Lviv", type: "consulate_general", latitude: 49.84, longitude: 24.03 } });
    expect(response.status).toBe(201);
    const mission = await db.mission.findUniqueOrThrow({ where: { id: (response.json.mission as { id: number }).id } });
    expect(mission).toMatchObject({ slug: "pl-consulate-general-lviv", sendingCode: "PL", timeZone: "Europe/Kyiv", version: 0 });
    expect(await db.auditEntry.findFirst({ where: { action: "mission.create", actorId: user.id } })).not.toBeNull();
  });

  it("names every invalid field and writes nothing", async () => {
    const db = getDb();
    const { token } = await createUserWithSession(db);
    const before = await snapshotDatabase(db);
    const response = await call(missions.POST, { token, body: { sendingCode: "ZZ", hostCode: "Ukraine", type: "castle", latitude: 200, website: "javascript:x", timeZone: "Mars/Base" } });
    expect(response.status).toBe(422);
    const fields = (response.error?.fields ?? []).map((error) => error.field).sort();
    expect(fields).toEqual(["city", "hostCode", "latitude", "timeZone", "type", "website"]);
    const unknown = await call(missions.POST, { token, body: { sendingCode: "ZZ", hostCode: "UA", city: "Kyiv", type: "embassy" } });
    expect(unknown.error?.fields).toEqual([{ field: "sendingCode", message: "unknown country code ZZ" }]);
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("edits details with before and after in the audit log", async () => {
    const db = getDb();
    const mission = await createMission(db);
    const { token } = await createUserWithSession(db);
    const response = await call(missionItem.PATCH, { method: "PATCH", token, params: { id: String(mission.id) }, body: { address: "Vul. Sikorskoho 4", phone: "+380 44 521 5000" } });
    expect(response.status).toBe(200);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "mission.update" } });
    expect(JSON.parse(audit.before!)).toMatchObject({ address: null });
    expect(JSON.parse(audit.after!)).toMatchObject({ address: "Vul. Sikorskoho 4" });
  });

  it("archives: the mission leaves the public views, its history stays; restoring brings it back", async () => {
    const db = getDb();
    const mission = await createMission(db);
    await db.$transaction((tx) =>
      recordStatusChange(tx, { missionId: mission.id, status: "closed", reason: null, sourceUrl: null, sourceTitle: null, effectiveAt: new Date(), author: EDITOR }),
    );
    const { token } = await createUserWithSession(db);
    expect((await call(archive.POST, { token, params: { id: String(mission.id) }, body: { archived: true } })).status).toBe(200);
    expect(await getMissionBySlug(mission.slug, new Date())).toBeNull();
    expect((await getMissionPage(parseMissionFiltersLeniently({}), undefined, new Date())).rows.map((row) => row.id)).not.toContain(mission.id);
    expect(await db.statusChange.count({ where: { missionId: mission.id } })).toBe(1);
    const listed = await call(missions.GET, { method: "GET", token, path: "/api/admin/missions?archived=1" });
    expect((listed.json.missions as Array<{ id: number }>).map((row) => row.id)).toEqual([mission.id]);
    await call(archive.POST, { token, params: { id: String(mission.id) }, body: { archived: false } });
    expect(await getMissionBySlug(mission.slug, new Date())).not.toBeNull();
  });
});

describe("user management", () => {
  it("creates users with a hashed password and refuses a taken email", async () => {
    const db = getDb();
    const { token } = await createUserWithSession(db, { role: "admin" });
    const body = { email: "New@Example.org", name: "New", role: "editor", password: "a very long password", hostScope: ["ua"] };
    const response = await call(users.POST, { token, body });
    expect(response.status).toBe(201);
    expect(response.json.user).toMatchObject({ email: "new@example.org", hostScope: ["UA"], active: true });
    expect(JSON.stringify(response.json)).not.toContain("argon2");
    const stored = await db.user.findUniqueOrThrow({ where: { email: "new@example.org" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await db.auditEntry.findFirstOrThrow({ where: { action: "user.create" } })).toMatchObject({ entityId: String(stored.id) });
    expect(JSON.stringify(await db.auditEntry.findMany())).not.toContain("argon2");
    expect((await call(users.POST, { token, body })).status).toBe(409);
  });

  it("deactivating a user ends their sessions; an admin cannot deactivate or demote themselves", async () => {
    const db = getDb();
    const admin = await createUserWithSession(db, { role: "admin" });
    const editor = await createUserWithSession(db);
    const response = await call(userItem.PATCH, { method: "PATCH", token: admin.token, params: { id: String(editor.user.id) }, body: { active: false } });
    expect(response.status).toBe(200);
    expect(await getSessionUser(db, editor.token)).toBeNull();
    expect(await db.session.count({ where: { userId: editor.user.id } })).toBe(0);

    const before = await snapshotDatabase(db);
    const self = await call(userItem.PATCH, { method: "PATCH", token: admin.token, params: { id: String(admin.user.id) }, body: { role: "editor" } });
    expect(self.status).toBe(422);
    expect(await snapshotDatabase(db)).toEqual(before);
    const empty = await call(userItem.PATCH, { method: "PATCH", token: admin.token, params: { id: String(editor.user.id) }, body: {} });
    expect(empty.status).toBe(422);
    expect((await call(userItem.PATCH, { method: "PATCH", token: admin.token, params: { id: "424242" }, body: { active: true } })).status).toBe(404);
  });
});

describe("demo editor in the seed", () => {
  it("is created only when asked, with a hashed password", async () => {
    const db = getDb();
    const { seed, DEMO_EDITOR } = await import("@/prisma/seed");
    await seed(db);
    expect(await db.user.count()).toBe(0);
    const log = console.log;
    console.log = () => {};
    try {
      await seed(db, { demoEditorPassword: "demo editor password" });
    } finally {
      console.log = log;
    }
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_EDITOR.email } });
    expect(user).toMatchObject({ role: "editor", active: true });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(seed(db, { demoEditorPassword: "short" })).rejects.toThrow(/at least 12 characters/);
  });
});
