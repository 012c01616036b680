// The daily digest: once a day, every subscriber with changes waiting (deliveries in state
// "digest", written by the fan-out) gets one mail listing them all. The digest mail is an
// ordinary delivery, keyed by subscriber and period, so a period is never sent twice.
import { z } from "zod";
import { defineJobHandler, enqueueJob } from "@/lib/jobs/queue";
import { wakeJobWorker } from "@/lib/jobs/wake";
import { DIGEST_QUEUE, MAIL_QUEUE, mailJobKey } from "./queues";

const DAY_MS = 24 * 3600_000;

export const mailDigestJob = defineJobHandler({
  queue: DIGEST_QUEUE,
  payload: z.object({}),
  everyMs: DAY_MS,
  async run(_payload, { tx, clock, job, afterCommit }) {
    const now = clock.now();
    const waiting = await tx.delivery.findMany({ where: { state: "digest" }, select: { id: true, subscriberId: true, changeIds: true }, orderBy: { id: "asc" } });
    const bySubscriber = new Map<number, { ids: number[]; changeIds: Set<number> }>();
    for (const item of waiting) {
      if (item.subscriberId === null) continue;
      const entry = bySubscriber.get(item.subscriberId) ?? { ids: [], changeIds: new Set<number>() };
      entry.ids.push(item.id);
      for (const changeId of z.array(z.number()).parse(JSON.parse(item.changeIds))) entry.changeIds.add(changeId);
      bySubscriber.set(item.subscriberId, entry);
    }
    for (const [subscriberId, { ids, changeIds }] of bySubscriber) {
      const digest = await tx.delivery.upsert({
        where: { idempotencyKey: `digest-mail:${subscriberId}:${job.runAt.toISOString()}` },
        create: { idempotencyKey: `digest-mail:${subscriberId}:${job.runAt.toISOString()}`, channel: "mail", subscriberId, eventType: "digest", changeIds: JSON.stringify([...changeIds].sort((a, b) => a - b)) },
        update: {},
        select: { id: true },
      });
      await tx.delivery.updateMany({ where: { id: { in: ids } }, data: { state: "digested", deliveredAt: now } });
      await enqueueJob(tx, { queue: MAIL_QUEUE, key: mailJobKey(digest.id), runAt: now, payload: { deliveryId: digest.id } });
    }
    if (bySubscriber.size) afterCommit(() => wakeJobWorker(now));
  },
});
