// Webhooks end to end against a real HTTP receiver that verifies every message with the
// standardwebhooks library: signed deliveries and their log, retries on the published
// schedule (controlled clock) until the endpoint is disabled and admins told, recovery, secret
// rotation with overlap, test events, SSRF refusal, a hanging endpoint that slows no write,
// two workers without a duplicate, and a worker killed with SIGKILL between change and delivery.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as status from "@/app/api/admin/missions/[id]/status/route";
import { getDb } from "@/lib/db/client";
import { runJobsChild } from "./support/jobs-child";
import { createDb } from "@/lib/db/create";
import { JOB_HANDLERS, runDueJobsOnce } from "@/lib/jobs/registry";
import { runDueJobs } from "@/lib/jobs/run";
import { configureMailTransport, smtpTransport } from "@/lib/mail/transport";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { notifyFanoutJob } from "@/lib/subscriptions/fanout";
import { WEBHOOK_RETRY_DELAYS_MS } from "@/lib/webhooks/delivery-job";
import { createEndpoint, endpointDeliveries, rotateEndpointSecret, sendTestEvent } from "@/lib/webhooks/endpoints";
import { ManualClock } from "../clock";
import { createMission, EDITOR } from "../factories";
import { call, createUserWithSession } from "../http";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

const provider = process.env.TEST_DB_PROVIDER;
const ADMIN = { id: null, name: "Test admin" };
let receiver: WebhookReceiver;
let smtp: SmtpSink;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  smtp = await startSmtpSink();
  configureMailTransport(smtpTransport(new URL(smtp.url), "Chancery <alerts@chancery.test>"));
});
afterAll(async () => {
  configureMailTransport(undefined);
  await receiver.close();
  await smtp.close();
});
beforeEach(async () => {
  receiver.received.length = 0;
  receiver.behaviour = "ok";
  smtp.mails.length = 0;
  await getDb().webhookEndpoint.deleteMany();
  await getDb().subscriber.deleteMany();
  await getDb().adminNotice.deleteMany();
});

async function register(url = receiver.url) {
  const { endpoint, secret } = await createEndpoint(getDb(), ADMIN, { url, description: "test", scope: { kind: "all" } });
  receiver.secrets = [secret];
  return { endpoint, secret };
}

async function missionWithStatus() {
  const db = getDb();
  const mission = await createMission(db, { sendingCode: "US", hostCode: "UA", city: "Kyiv" });
  await db.$transaction((tx) =>
    recordStatusChange(tx, { missionId: mission.id, status: "open", reason: "Normal hours", sourceUrl: "https://example.org/a", sourceTitle: "A", effectiveAt: new Date(Date.now() - 3600_000), author: EDITOR }),
  );
  // Its fan-out runs before the test registers anything.
  await runDueJobs(db, [notifyFanoutJob]);
  return db.mission.findUniqueOrThrow({ where: { id: mission.id } });
}

async function close(missionId: number, now = new Date()) {
  const db = getDb();
  const mission = await db.mission.findUniqueOrThrow({ where: { id: missionId } });
  return db.$transaction((tx) =>
    recordStatusChange(tx, { missionId, status: mission.status === "closed" ? "open" : "closed", reason: "Alert", sourceUrl: "https://example.org/alert", sourceTitle: "Alert", effectiveAt: now, recordedAt: now, expectedVersion: mission.version, author: EDITOR }),
  );
}

describe("webhooks", () => {
  it("delivers a status change signed per Standard Webhooks and logs the answer", async () => {
    const db = getDb();
    const mission = await missionWithStatus();
    const { endpoint } = await register();
    await close(mission.id);
    await runDueJobsOnce(db);
    const [message] = await receiver.waitFor(1);
    expect(message!.verified).toBe(true);
    expect(message!.id).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(message!.body).toMatchObject({ type: "mission.status_changed", data: { mission: { id: mission.id, hostCode: "UA" }, status: "closed", previousStatus: "open", reason: "Alert", freshness: "fresh" } });
    const [logged] = await endpointDeliveries(db, endpoint.id);
    expect(logged).toMatchObject({ state: "delivered", attempts: 1, lastStatusCode: 204, attemptLog: [{ statusCode: 204, error: null }] });
  });

  it("retries on the published schedule, then disables the endpoint and tells admins", async () => {
    const db = getDb();
    const mission = await missionWithStatus();
    const { endpoint } = await register();
    receiver.behaviour = "fail";
    const start = new Date();
    const clock = new ManualClock(start);
    await close(mission.id, start);
    await runDueJobsOnce(db, { clock });
    expect(receiver.received).toHaveLength(1);
    for (const [index, delay] of WEBHOOK_RETRY_DELAYS_MS.entries()) {
      clock.advance(delay - 1);
      await runDueJobsOnce(db, { clock });
      expect(receiver.received, `no try before delay ${index + 1}`).toHaveLength(index + 1);
      clock.advance(1);
      await runDueJobsOnce(db, { clock });
      expect(receiver.received, `try ${index + 2}`).toHaveLength(index + 2);
    }
    const total = WEBHOOK_RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0);
    expect(total / 3600_000).toBeGreaterThan(24);
    expect(total / 3600_000).toBeLessThan(30);
    const [logged] = await endpointDeliveries(db, endpoint.id);
    expect(logged).toMatchObject({ state: "failed", attempts: 8, lastStatusCode: 503 });
    expect(logged!.attemptLog.map((attempt) => attempt.statusCode)).toEqual(Array(8).fill(503));
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ active: false });
    expect((await db.adminNotice.findFirstOrThrow()).message).toContain(`endpoint ${endpoint.id}`);
    // Disabled: the next change is not even offered to it.
    clock.advance(3600_000);
    await close(mission.id, clock.now());
    await runDueJobsOnce(db, { clock });
    expect(receiver.received).toHaveLength(8);
  });

  it("recovers: a failed try is followed by a delivered one with the same webhook-id and body", async () => {
    const db = getDb();
    const mission = await missionWithStatus();
    const { endpoint } = await register();
    receiver.behaviour = "fail";
    const clock = new ManualClock(new Date());
    await close(mission.id, clock.now());
    await runDueJobsOnce(db, { clock });
    receiver.behaviour = "ok";
    clock.advance(WEBHOOK_RETRY_DELAYS_MS[0]!);
    await runDueJobsOnce(db, { clock });
    const [first, second] = await receiver.waitFor(2);
    expect(second!.verified).toBe(true);
    expect(second!.id).toBe(first!.id);
    expect(second!.body).toEqual(first!.body);
    const [logged] = await endpointDeliveries(db, endpoint.id);
    expect(logged!.attemptLog.map((attempt) => attempt.statusCode)).toEqual([503, 204]);
    expect(logged!.state).toBe("delivered");
  });

  it("rotates the secret with an overlap: both sign for a day, then only the new one", async () => {
    const db = getDb();
    const { endpoint, secret: old } = await register();
    const { secret: rotated } = await rotateEndpointSecret(db, ADMIN, endpoint.id);
    receiver.secrets = [old, rotated];
    await sendTestEvent(db, ADMIN, endpoint.id);
    await runDueJobsOnce(db);
    const [during] = await receiver.waitFor(1);
    expect(during!.verifiedWith.sort()).toEqual([old, rotated].sort());
    expect(String(during!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(during!.body).toMatchObject({ type: "test", data: { endpointId: endpoint.id } });
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { previousSecretUntil: new Date(Date.now() - 1) } });
    await sendTestEvent(db, ADMIN, endpoint.id);
    await runDueJobsOnce(db);
    const [, after] = await receiver.waitFor(2);
    expect(after!.verifiedWith).toEqual([rotated]);
  });

  it("refuses to post to a private address that is not explicitly allowed", async () => {
    const db = getDb();
    const { endpoint } = await register(receiver.url.replace("127.0.0.1", "127.0.0.2"));
    await sendTestEvent(db, ADMIN, endpoint.id);
    await runDueJobsOnce(db);
    const [logged] = await endpointDeliveries(db, endpoint.id);
    expect(logged!.attemptLog[0]!.error).toMatch(/non-public address 127\.0\.0\.2/);
    expect(receiver.received).toHaveLength(0);
  });

  it("a hanging endpoint slows no status write", async () => {
    const db = getDb();
    const [a, b] = [await missionWithStatus(), await missionWithStatus()];
    await register();
    receiver.behaviour = "hang";
    await close(a.id);
    await runDueJobs(db, [notifyFanoutJob]);
    const delivering = runDueJobsOnce(db);
    await receiver.waitFor(1);
    const { token } = await createUserWithSession(db);
    const started = performance.now();
    const response = await call(status.POST, { token, params: { id: String(b.id) }, body: { status: "closed", reason: "Alert", sourceUrl: "https://example.org/x", expectedVersion: b.version } });
    const tookMs = performance.now() - started;
    expect(response.status).toBe(200);
    expect(tookMs).toBeLessThan(1000);
    receiver.behaviour = "ok";
    await delivering;
    const hung = await db.delivery.findFirstOrThrow({ where: { changeIds: { contains: "" }, endpoint: { isNot: null } }, include: { attemptLog: true }, orderBy: { id: "asc" } });
    expect(hung.attemptLog[0]!.error).toMatch(/No answer within/);
  }, 30_000);

  // PostgreSQL: two instances (two pools); SQLite has one instance, so two workers share its client.
  it(`two workers on one ${provider} database send each notification once`, async () => {
    const db = getDb();
    const other = provider === "postgres" ? createDb(process.env.DATABASE_URL!) : db;
    try {
      await register();
      const missions = [];
      for (let i = 0; i < 12; i++) missions.push(await missionWithStatus());
      const subscriber = await db.subscriber.create({ data: { email: "all@example.org", manageToken: "t-all" } });
      await db.subscription.create({ data: { subscriberId: subscriber.id, scopeKind: "host", scopeValue: "UA", state: "active" } });
      await runDueJobsOnce(db);
      receiver.received.length = 0;
      smtp.mails.length = 0;
      for (const mission of missions) await close(mission.id);
      await Promise.all([runDueJobs(db, JOB_HANDLERS, { owner: "one", batchSize: 2 }), runDueJobs(other, JOB_HANDLERS, { owner: "two", batchSize: 2 })]);
      await runDueJobsOnce(db);
      expect(receiver.received).toHaveLength(12);
      expect(new Set(receiver.received.map((message) => message.id)).size).toBe(12);
      expect(smtp.mails).toHaveLength(12);
      expect(new Set(smtp.mails.map((mail) => mail.messageId)).size).toBe(12);
    } finally {
      if (other !== db) await other.$disconnect();
    }
  }, 60_000);
});

const runChild = (now: string, owner: string, hangAfterClaim: boolean) => runJobsChild(now, owner, hangAfterClaim, { SMTP_URL: smtp.url });

describe("a worker killed with SIGKILL between the status change and its delivery", () => {
  it("loses nothing and sends nothing twice: after a restart, one mail and one webhook", async () => {
    const db = getDb();
    const mission = await missionWithStatus();
    await register();
    const subscriber = await db.subscriber.create({ data: { email: "kyiv@example.org", manageToken: "t-kyiv" } });
    await db.subscription.create({ data: { subscriberId: subscriber.id, scopeKind: "mission", scopeValue: String(mission.id), state: "active" } });
    const now = new Date();
    await close(mission.id, now);

    const crashing = runChild(now.toISOString(), "crashing-worker", true);
    const key = await crashing.claimed;
    expect(key).toMatch(/^notify-fanout:/);
    crashing.child.kill("SIGKILL");
    expect(await crashing.exited).toEqual({ code: null, signal: "SIGKILL" });
    expect(await db.delivery.count()).toBe(0);

    const restarted = runChild(new Date(now.getTime() + 31_000).toISOString(), "restarted-worker", false);
    expect(await restarted.exited, restarted.errors()).toEqual({ code: 0, signal: null });
    await receiver.waitFor(1);
    await smtp.waitForMails(1);
    // Another run later finds nothing left to send.
    await runDueJobsOnce(db, { clock: new ManualClock(new Date(now.getTime() + 120_000)) });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.verified).toBe(true);
    expect(smtp.mails).toHaveLength(1);
    expect(await db.delivery.count({ where: { state: "delivered" } })).toBe(2);
  }, 60_000);
});
