// Delivering one mail: composed and (over SMTP) sent before the job's transaction, then
// marked delivered in it; with the outbox transport, the outbox row is written in that same
// transaction, so a crash can neither lose nor double it. Over SMTP a crash in the instant
// between the server's acceptance and the commit sends it again with the same Message-ID.
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/create";
import { defineJobHandler } from "@/lib/jobs/queue";
import { composeChangeMail, composeConfirmMail } from "@/lib/mail/compose";
import type { MailMessage } from "@/lib/mail/message";
import { mailTransport, writeToOutbox } from "@/lib/mail/transport";
import { loadChangeFacts } from "./change-facts";
import { CONFIRM_HOURS } from "./confirm-hours";
import { manageUrl, unsubscribeUrl } from "./links";
import { MAIL_QUEUE } from "./queues";

export const MAIL_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000, 12 * 3600_000];

const ConfirmPayload = z.object({ confirmUrl: z.string(), scopeLabel: z.string() });

type Prepared = { skip: true } | { skip: false; message: MailMessage; sent: boolean; error: string | null; at: Date; durationMs: number };

export async function composeDelivery(client: Db | Tx, deliveryId: number, now: Date): Promise<MailMessage | null> {
  const delivery = await client.delivery.findUnique({ where: { id: deliveryId }, include: { subscriber: true } });
  if (!delivery?.subscriber || delivery.state !== "pending") return null;
  const to = delivery.subscriber.email;
  const messageId = `<delivery-${delivery.id}.${delivery.createdAt.getTime()}@chancery>`;
  if (delivery.eventType === "subscription.confirm") {
    const confirm = ConfirmPayload.safeParse(JSON.parse(delivery.payload ?? "null"));
    if (!confirm.success) return null;
    return { messageId, to, ...composeConfirmMail(confirm.data.scopeLabel, confirm.data.confirmUrl, CONFIRM_HOURS) };
  }
  const changes = await loadChangeFacts(client, z.array(z.number()).parse(JSON.parse(delivery.changeIds)), now);
  if (!changes.length) return null;
  const links = { manageUrl: manageUrl(delivery.subscriber.manageToken), unsubscribeUrl: unsubscribeUrl(delivery.subscriber.manageToken) };
  return { messageId, to, ...composeChangeMail(changes, links, { digest: delivery.eventType === "digest" }) };
}

async function prepare(db: Db, deliveryId: number, now: Date): Promise<Prepared> {
  const message = await composeDelivery(db, deliveryId, now);
  if (!message) return { skip: true };
  const transport = mailTransport();
  if (transport.kind === "outbox") return { skip: false, message, sent: false, error: null, at: now, durationMs: 0 };
  const started = performance.now();
  try {
    await transport.send(message);
    return { skip: false, message, sent: true, error: null, at: now, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { skip: false, message, sent: false, error: error instanceof Error ? error.message : String(error), at: now, durationMs: Math.round(performance.now() - started) };
  }
}

async function record(tx: Tx, deliveryId: number, prepared: Prepared, now: Date): Promise<{ runAgainAt: Date } | void> {
  if (prepared.skip) {
    await tx.delivery.updateMany({ where: { id: deliveryId, state: "pending" }, data: { state: "dropped", payload: null } });
    return;
  }
  if (!prepared.sent && !prepared.error) await writeToOutbox(tx, prepared.message);
  const delivery = await tx.delivery.findUnique({ where: { id: deliveryId }, select: { attempts: true } });
  if (!delivery) return; // unsubscribed meanwhile: the address and its deliveries are gone
  const attempts = delivery.attempts + 1;
  await tx.deliveryAttempt.create({ data: { deliveryId, at: prepared.at, durationMs: prepared.durationMs, error: prepared.error?.slice(0, 500) ?? null } });
  if (!prepared.error) {
    // The confirmation link leaves the database with the mail: from now on only its hash is kept.
    await tx.delivery.update({ where: { id: deliveryId }, data: { state: "delivered", attempts, deliveredAt: now, lastError: null, payload: null } });
    return;
  }
  const delay = MAIL_RETRY_DELAYS_MS[attempts - 1];
  await tx.delivery.update({ where: { id: deliveryId }, data: { attempts, lastError: prepared.error.slice(0, 500), ...(delay === undefined ? { state: "failed", payload: null } : {}) } });
  if (delay !== undefined) return { runAgainAt: new Date(now.getTime() + delay) };
}

export const mailDeliveryJob = defineJobHandler({
  queue: MAIL_QUEUE,
  payload: z.object({ deliveryId: z.number().int().positive() }),
  maxAttempts: 20,
  prepare: ({ deliveryId }, { db, clock }) => prepare(db, deliveryId, clock.now()),
  run: ({ deliveryId }, { tx, clock, prepared }) => record(tx, deliveryId, prepared as Prepared, clock.now()),
});
