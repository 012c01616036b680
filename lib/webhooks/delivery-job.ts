// Delivering one webhook: the POST happens before the job's transaction (the job's prepare step),
// so a slow endpoint holds no database lock; the transaction then logs the attempt and either
// marks the delivery delivered or schedules the next try. After the last try (about a day),
// the endpoint is disabled and admins get a notice. Timestamps are signed at each try (a
// receiver rejects old ones); webhook-id and body stay those of the delivery.
import { z } from "zod";
import type { Tx } from "@/lib/db/create";
import { env } from "@/lib/env";
import { defineJobHandler } from "@/lib/jobs/queue";
import { safePost } from "@/lib/net/safe-post";
import { WEBHOOK_QUEUE } from "@/lib/subscriptions/queues";
import { webhookMessageId } from "./payload";
import { signatureHeaders } from "./sign";

/** Delays after each failed try, as the Standard Webhooks guidance suggests (≈ 27 h in all). */
export const WEBHOOK_RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 5 * 3600_000, 10 * 3600_000, 10 * 3600_000];
export const WEBHOOK_TIMEOUT_MS = 10_000;

interface TryResult {
  skip?: "delivered" | "endpoint-disabled" | "gone";
  at: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
}

async function tryOnce(tx: Pick<Tx, "delivery">, deliveryId: number, now: Date, timeoutMs: number): Promise<TryResult> {
  const delivery = await tx.delivery.findUnique({ where: { id: deliveryId }, include: { endpoint: true } });
  const base = { at: now, durationMs: 0, statusCode: null, error: null };
  if (!delivery || !delivery.endpoint || delivery.payload === null) return { ...base, skip: "gone" };
  if (delivery.state !== "pending") return { ...base, skip: "delivered" };
  if (!delivery.endpoint.active) return { ...base, skip: "endpoint-disabled" };
  const body = delivery.payload;
  const headers = signatureHeaders(delivery.endpoint, webhookMessageId(delivery.idempotencyKey), now, body);
  const started = performance.now();
  try {
    const answer = await safePost(delivery.endpoint.url, {
      headers: { ...headers, "content-type": "application/json", "user-agent": "Chancery-Webhooks/1" },
      body,
      timeoutMs,
      allowedAddresses: env().OUTBOUND_ALLOWED_ADDRESSES,
    });
    const ok = answer.status >= 200 && answer.status < 300;
    return { at: now, durationMs: Math.round(performance.now() - started), statusCode: answer.status, error: ok ? null : `HTTP ${answer.status}: ${answer.body.slice(0, 200)}` };
  } catch (error) {
    return { at: now, durationMs: Math.round(performance.now() - started), statusCode: null, error: error instanceof Error ? error.message : String(error) };
  }
}

export async function recordTry(tx: Tx, deliveryId: number, result: TryResult, now: Date): Promise<{ runAgainAt: Date } | void> {
  if (result.skip) {
    if (result.skip === "endpoint-disabled") await tx.delivery.updateMany({ where: { id: deliveryId, state: "pending" }, data: { state: "dropped", lastError: "endpoint disabled" } });
    return;
  }
  const delivery = await tx.delivery.findUniqueOrThrow({ where: { id: deliveryId }, select: { attempts: true, endpointId: true } });
  const attempts = delivery.attempts + 1;
  await tx.deliveryAttempt.create({ data: { deliveryId, at: result.at, durationMs: result.durationMs, statusCode: result.statusCode, error: result.error?.slice(0, 500) ?? null } });
  if (!result.error) {
    await tx.delivery.update({ where: { id: deliveryId }, data: { state: "delivered", attempts, deliveredAt: now, lastStatusCode: result.statusCode, lastError: null } });
    return;
  }
  const delay = WEBHOOK_RETRY_DELAYS_MS[attempts - 1];
  if (delay !== undefined) {
    await tx.delivery.update({ where: { id: deliveryId }, data: { attempts, lastStatusCode: result.statusCode, lastError: result.error.slice(0, 500) } });
    return { runAgainAt: new Date(now.getTime() + delay) };
  }
  await tx.delivery.update({ where: { id: deliveryId }, data: { state: "failed", attempts, lastStatusCode: result.statusCode, lastError: result.error.slice(0, 500) } });
  const endpoint = await tx.webhookEndpoint.update({
    where: { id: delivery.endpointId! },
    data: { active: false, disabledAt: now, disabledReason: `${attempts} tries over about a day failed; last: ${result.error.slice(0, 200)}` },
  });
  await tx.adminNotice.create({ data: { kind: "webhook.disabled", message: `Webhook endpoint ${endpoint.id} (${endpoint.url}) was disabled after ${attempts} failed tries over about a day.` } });
}

export const webhookDeliveryJob = defineJobHandler({
  queue: WEBHOOK_QUEUE,
  payload: z.object({ deliveryId: z.number().int().positive() }),
  // The job itself never fails: failures are the delivery's, retried by its own schedule.
  maxAttempts: 20,
  async prepare({ deliveryId }, { db, clock }) {
    return tryOnce(db, deliveryId, clock.now(), WEBHOOK_TIMEOUT_MS);
  },
  async run({ deliveryId }, { tx, clock, prepared }) {
    return recordTry(tx, deliveryId, prepared as TryResult, clock.now());
  },
});
