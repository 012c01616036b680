// The fan-out job: one status change (or one bulk event's changes) becomes one delivery per
// recipient: a mail per subscriber covering every change they follow, and a webhook per
// endpoint and change. Each delivery's idempotencyKey (unique) names the change or event and
// the recipient, so running the fan-out twice cannot owe anyone a second notification.
import { z } from "zod";
import type { Tx } from "@/lib/db/create";
import { defineJobHandler, enqueueJob } from "@/lib/jobs/queue";
import { wakeJobWorker } from "@/lib/jobs/wake";
import { buildStatusEvent } from "@/lib/webhooks/payload";
import { loadChangeFacts } from "./change-facts";
import { MAIL_QUEUE, mailJobKey, NOTIFY_QUEUE, WEBHOOK_QUEUE, webhookJobKey } from "./queues";
import { scopeCovers, scopesOfMission, type MissionPlace } from "./scope";

const NoticePayload = z.union([z.object({ changeId: z.number().int().positive() }), z.object({ eventId: z.number().int().positive() })]);

async function changesOf(tx: Tx, notice: z.infer<typeof NoticePayload>) {
  const where = "eventId" in notice ? { eventId: notice.eventId } : { id: notice.changeId };
  return tx.statusChange.findMany({
    where: { ...where, kind: { not: "verify" } },
    select: { id: true, mission: { select: { id: true, hostCode: true, sendingCode: true, city: true } } },
    orderBy: { id: "asc" },
  });
}

async function upsertDelivery(tx: Tx, data: { idempotencyKey: string; channel: string; subscriberId?: number; endpointId?: number; eventType: string; changeIds: number[]; state?: string; payload?: string }) {
  return tx.delivery.upsert({
    where: { idempotencyKey: data.idempotencyKey },
    create: { ...data, changeIds: JSON.stringify(data.changeIds) },
    update: {},
    select: { id: true, state: true },
  });
}

export async function fanOut(tx: Tx, notice: z.infer<typeof NoticePayload>, now: Date): Promise<number> {
  const changes = await changesOf(tx, notice);
  if (!changes.length) return 0;
  const group = "eventId" in notice ? `event:${notice.eventId}` : `change:${notice.changeId}`;
  const places = new Map<number, MissionPlace>(changes.map((change) => [change.id, change.mission]));
  const scopes = [...new Map(changes.flatMap((change) => scopesOfMission(change.mission)).map((scope) => [`${scope.scopeKind}:${scope.scopeValue}`, scope])).values()];
  const subscriptions = await tx.subscription.findMany({ where: { state: "active", OR: scopes }, select: { subscriberId: true, scopeKind: true, scopeValue: true, cadence: true } });

  // Per subscriber: the changes an immediate subscription covers, and those only a digest covers.
  const owed = new Map<number, { immediate: Set<number>; digest: Set<number> }>();
  for (const subscription of subscriptions) {
    const entry = owed.get(subscription.subscriberId) ?? { immediate: new Set<number>(), digest: new Set<number>() };
    owed.set(subscription.subscriberId, entry);
    for (const [changeId, place] of places) if (scopeCovers(subscription, place)) entry[subscription.cadence === "digest" ? "digest" : "immediate"].add(changeId);
  }
  let created = 0;
  for (const [subscriberId, { immediate, digest }] of owed) {
    if (immediate.size) {
      const delivery = await upsertDelivery(tx, { idempotencyKey: `mail:${group}:subscriber:${subscriberId}`, channel: "mail", subscriberId, eventType: "status.changed", changeIds: [...immediate] });
      await enqueueJob(tx, { queue: MAIL_QUEUE, key: mailJobKey(delivery.id), runAt: now, payload: { deliveryId: delivery.id } });
      created++;
    }
    const digestOnly = [...digest].filter((changeId) => !immediate.has(changeId));
    // Digest items wait (state "digest") for the subscriber's daily digest (digest.ts).
    if (digestOnly.length) await upsertDelivery(tx, { idempotencyKey: `digest:${group}:subscriber:${subscriberId}`, channel: "mail", subscriberId, eventType: "status.changed", changeIds: digestOnly, state: "digest" });
  }

  const endpoints = await tx.webhookEndpoint.findMany({ where: { active: true }, select: { id: true, scopeKind: true, scopeValue: true } });
  const covered = endpoints.flatMap((endpoint) => changes.filter((change) => scopeCovers(endpoint, change.mission)).map((change) => ({ endpoint, change })));
  if (covered.length) {
    const facts = new Map((await loadChangeFacts(tx, [...new Set(covered.map(({ change }) => change.id))], now)).map((fact) => [fact.changeId, fact]));
    for (const { endpoint, change } of covered) {
      const idempotencyKey = `webhook:change:${change.id}:endpoint:${endpoint.id}`;
      const delivery = await upsertDelivery(tx, {
        idempotencyKey,
        channel: "webhook",
        endpointId: endpoint.id,
        eventType: "mission.status_changed",
        changeIds: [change.id],
        payload: JSON.stringify(buildStatusEvent(facts.get(change.id)!, now)),
      });
      await enqueueJob(tx, { queue: WEBHOOK_QUEUE, key: webhookJobKey(delivery.id), runAt: now, payload: { deliveryId: delivery.id } });
      created++;
    }
  }
  return created;
}

export const notifyFanoutJob = defineJobHandler({
  queue: NOTIFY_QUEUE,
  payload: NoticePayload,
  async run(notice, { tx, clock, afterCommit }) {
    const now = clock.now();
    if (await fanOut(tx, notice, now)) afterCommit(() => wakeJobWorker(now));
  },
});
