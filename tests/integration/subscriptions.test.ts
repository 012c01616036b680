// Mail subscriptions end to end on a real SMTP server: double opt-in, the same answer whatever
// the address's state, the mail a status change causes (headers, text and escaped HTML),
// one-click unsubscribe that deletes the address, and one mail per subscriber for a bulk event.
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as events from "@/app/api/admin/events/route";
import * as status from "@/app/api/admin/missions/[id]/status/route";
import * as confirm from "@/app/api/subscriptions/confirm/route";
import * as subscriptions from "@/app/api/subscriptions/route";
import * as unsubscribe from "@/app/api/subscriptions/unsubscribe/route";
import { getDb } from "@/lib/db/client";
import { runDueJobsOnce } from "@/lib/jobs/registry";
import { configureMailTransport, smtpTransport } from "@/lib/mail/transport";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { ManualClock } from "../clock";
import { createMission, EDITOR } from "../factories";
import { call, createUserWithSession } from "../http";
import { linkIn, rawHeader, startSmtpSink, type SmtpSink } from "../support/smtp-sink";

let smtp: SmtpSink;
beforeAll(async () => {
  smtp = await startSmtpSink();
  configureMailTransport(smtpTransport(new URL(smtp.url), "Chancery <alerts@chancery.test>"));
});
afterAll(async () => {
  configureMailTransport(undefined);
  await smtp.close();
});
beforeEach(async () => {
  smtp.mails.length = 0;
  await getDb().subscriber.deleteMany();
  await getDb().webhookEndpoint.deleteMany();
  await getDb().outboxMail.deleteMany();
});

async function openMission(overrides: Parameters<typeof createMission>[1] = {}) {
  const db = getDb();
  const mission = await createMission(db, { sendingCode: "US", ...overrides });
  await db.$transaction((tx) =>
    recordStatusChange(tx, { missionId: mission.id, status: "open", reason: "Normal hours", sourceUrl: "https://example.org/a", sourceTitle: "A", effectiveAt: new Date(Date.now() - 3600_000), author: EDITOR }),
  );
  // The opening itself was a change nobody had subscribed to yet.
  await runDueJobsOnce(db);
  return db.mission.findUniqueOrThrow({ where: { id: mission.id } });
}

async function subscribeAndConfirm(email: string, scope: Record<string, unknown>, cadence = "immediate"): Promise<ParsedMail> {
  const before = smtp.mails.length;
  const answer = await call(subscriptions.POST, { body: { email, scope, cadence } });
  expect(answer.status, JSON.stringify(answer.json)).toBe(202);
  await runDueJobsOnce(getDb());
  const [mail] = (await smtp.waitForMails(before + 1)).slice(before);
  expect(mail!.subject).toBe("Confirm your Chancery subscription");
  const link = linkIn(mail!, "/subscriptions/confirm");
  const confirmed = await call(confirm.POST, { body: { token: link.searchParams.get("token") } });
  expect(confirmed.status, JSON.stringify(confirmed.json)).toBe(200);
  return mail!;
}

async function closeMission(missionId: number, reason = "Air-raid alert") {
  const { token } = await createUserWithSession(getDb());
  const mission = await getDb().mission.findUniqueOrThrow({ where: { id: missionId } });
  const response = await call(status.POST, {
    token,
    params: { id: String(missionId) },
    body: { status: "closed", reason, sourceUrl: "https://example.org/alert", sourceTitle: "Embassy <notice>", expectedVersion: mission.version },
  });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
}

describe("mail subscriptions", () => {
  it("confirms by mail, then mails a status change once, with unsubscribe headers, in text and escaped HTML", async () => {
    const db = getDb();
    const mission = await openMission();
    await subscribeAndConfirm("Traveller@Example.org", { kind: "mission", missionId: mission.id });
    expect(await db.subscription.findFirstOrThrow()).toMatchObject({ state: "active", confirmTokenHash: null });

    await closeMission(mission.id, 'Shelter <script>alert(1)</script> & "wait"');
    await runDueJobsOnce(db);
    await runDueJobsOnce(db);
    const mails = await smtp.waitForMails(2);
    expect(mails).toHaveLength(2);
    const mail = mails[1]!;
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe("traveller@example.org");
    expect(mail.subject).toContain("Closed");
    expect(mail.text).toContain("Closed (changed to Closed)");
    expect(mail.text).toContain('Shelter <script>alert(1)</script> & "wait"');
    expect(mail.text).toMatch(/Since: +\d{1,2} \w{3} \d{4}, \d\d:\d\d [A-Z+\d]+ \(\d\d:\d\d UTC\)/);
    expect(mail.text).toContain("Freshness: Confirmed");
    expect(mail.html).toContain("Shelter &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;wait&quot;");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Embassy &lt;notice&gt;");
    const listUnsubscribe = rawHeader(mail, "List-Unsubscribe") ?? "";
    expect(rawHeader(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(listUnsubscribe).toMatch(/\/api\/subscriptions\/unsubscribe\?token=/);
    expect(mail.text).toContain("/subscriptions/manage?token=");

    // RFC 8058: the mail client POSTs from no origin; the address is deleted.
    const unsubscribeUrl = new URL(listUnsubscribe.replace(/^.*<|>.*$/g, ""));
    const gone = await call(unsubscribe.POST, {
      origin: null,
      path: unsubscribeUrl.pathname + unsubscribeUrl.search,
      rawBody: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(gone.status).toBe(200);
    expect(await db.subscriber.count()).toBe(0);
    expect(await db.subscription.count()).toBe(0);

    await db.mission.update({ where: { id: mission.id }, data: {} });
    const reopened = await db.mission.findUniqueOrThrow({ where: { id: mission.id } });
    const { token } = await createUserWithSession(db);
    await call(status.POST, { token, params: { id: String(mission.id) }, body: { status: "open", reason: "Back", sourceUrl: "https://example.org/b", expectedVersion: reopened.version } });
    await runDueJobsOnce(db);
    expect(smtp.mails).toHaveLength(2);
  });

  it("answers the same whether the address is new, pending or subscribed, and sends no second mail to a subscribed one", async () => {
    const db = getDb();
    const mission = await openMission();
    await subscribeAndConfirm("same@example.org", { kind: "mission", missionId: mission.id });
    const again = await call(subscriptions.POST, { body: { email: "same@example.org", scope: { kind: "mission", missionId: mission.id } } });
    const fresh = await call(subscriptions.POST, { body: { email: "new@example.org", scope: { kind: "mission", missionId: mission.id } } });
    expect(again.status).toBe(202);
    expect(again.json).toEqual(fresh.json);
    await runDueJobsOnce(db);
    await smtp.waitForMails(2);
    expect(smtp.mails.map((mail) => mail.subject)).toEqual(["Confirm your Chancery subscription", "Confirm your Chancery subscription"]);
    expect(smtp.mails.map((mail) => (mail.to && "text" in mail.to ? mail.to.text : ""))).toEqual(["same@example.org", "new@example.org"]);
    // The confirmation link is gone from the database once its mail left; only its hash stays.
    const pending = await db.subscription.findFirstOrThrow({ where: { state: "pending" } });
    expect(pending.confirmTokenHash).toMatch(/^[\w-]{43}$/);
    expect((await db.delivery.findMany({ where: { eventType: "subscription.confirm" } })).every((delivery) => delivery.payload === null)).toBe(true);
  });

  it("refuses bad input by field, unknown scopes included, and rate-limits one address", async () => {
    const mission = await openMission();
    const bad = await call(subscriptions.POST, { body: { email: "not-an-address", scope: { kind: "mission", missionId: mission.id } } });
    expect(bad.status).toBe(422);
    expect(bad.error?.fields?.map((field) => field.field)).toContain("email");
    const unknown = await call(subscriptions.POST, { body: { email: "a@example.org", scope: { kind: "mission", missionId: 999_999 } } });
    expect(unknown.status).toBe(422);
    expect(unknown.error?.fields?.[0]?.field).toBe("scope.missionId");
    const country = await call(subscriptions.POST, { body: { email: "a@example.org", scope: { kind: "sending", sendingCode: "QQ" } } });
    expect(country.status).toBe(422);
    const expired = await call(confirm.POST, { body: { token: "not-a-token" } });
    expect(expired.status).toBe(404);
    let last = 0;
    for (let i = 0; i < 25 && last !== 429; i++) {
      last = (await call(subscriptions.POST, { body: { email: `flood${i}@example.org`, scope: { kind: "host", hostCode: "UA" } }, headers: { "x-forwarded-for": "203.0.113.9" } })).status;
    }
    expect(last).toBe(429);
  });

  it("a bulk event of 200 missions sends one mail per subscriber, naming every mission it follows", async () => {
    const db = getDb();
    const missions = [];
    for (let i = 0; i < 200; i++) missions.push(await createMission(db, { sendingCode: i % 2 ? "DE" : "US", hostCode: "UA", city: i % 4 ? "Kyiv" : "Lviv" }));
    await subscribeAndConfirm("ukraine@example.org", { kind: "host", hostCode: "UA" });
    await subscribeAndConfirm("germany@example.org", { kind: "sending", sendingCode: "DE" });
    await subscribeAndConfirm("lviv@example.org", { kind: "city", hostCode: "UA", city: "Lviv" });
    smtp.mails.length = 0;
    const { token } = await createUserWithSession(db);
    const response = await call(events.POST, {
      token,
      body: { name: "Nationwide alert", status: "closed", reason: "Alert", sourceUrl: "https://example.org/alert", missions: missions.map((mission) => ({ id: mission.id, expectedVersion: mission.version })) },
    });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    await runDueJobsOnce(db);
    await runDueJobsOnce(db);
    await smtp.waitForMails(3);
    expect(smtp.mails).toHaveLength(3);
    const byAddress = new Map(smtp.mails.map((mail) => [mail.to && "text" in mail.to ? mail.to.text : "", mail]));
    const count = (mail: ParsedMail | undefined) => (mail?.text ?? "").match(/^ {2}Status:/gm)?.length;
    expect(count(byAddress.get("ukraine@example.org"))).toBe(200);
    expect(count(byAddress.get("germany@example.org"))).toBe(100);
    expect(count(byAddress.get("lviv@example.org"))).toBe(50);
  }, 90_000);

  it("a digest subscriber gets nothing at once, then one daily mail listing the changes", async () => {
    const db = getDb();
    const [first, second] = [await openMission(), await openMission({ city: "Odesa" })];
    await subscribeAndConfirm("digest@example.org", { kind: "host", hostCode: "UA" }, "digest");
    smtp.mails.length = 0;
    await closeMission(first.id);
    await closeMission(second.id);
    const now = new Date();
    await runDueJobsOnce(db, { clock: new ManualClock(now) });
    expect(smtp.mails.map((mail) => mail.subject)).toEqual([]);
    const nextMorning = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 7) + (now.getUTCHours() >= 7 ? 24 * 3600_000 : 0));
    await runDueJobsOnce(db, { clock: new ManualClock(nextMorning) });
    await runDueJobsOnce(db, { clock: new ManualClock(nextMorning) });
    const [digest] = await smtp.waitForMails(1);
    expect(digest!.subject).toBe("Chancery daily digest: 2 status changes");
    expect(rawHeader(digest!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // The next day has nothing new.
    await runDueJobsOnce(db, { clock: new ManualClock(new Date(nextMorning.getTime() + 24 * 3600_000)) });
    expect(smtp.mails).toHaveLength(1);
  });
});
