// Admin commands on webhook endpoints: register, enable/disable, rotate the secret (the old
// one keeps signing alongside for a day), send a test event, read the delivery log.
import crypto from "node:crypto";
import { z } from "zod";
import { appendAudit, type Actor } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/create";
import { NotFoundError } from "@/lib/errors";
import { systemClock, type Clock } from "@/lib/jobs/clock";
import { enqueueJob } from "@/lib/jobs/queue";
import { wakeJobWorker } from "@/lib/jobs/wake";
import { WEBHOOK_QUEUE, webhookJobKey } from "@/lib/subscriptions/queues";
import { ScopeSchema, scopeKey } from "@/lib/subscriptions/scope";
import { newWebhookSecret } from "./sign";

export const ROTATION_OVERLAP_MS = 24 * 3600_000;

export const EndpointInputSchema = z
  .object({
    url: z
      .string()
      .trim()
      .max(2000)
      .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })),
    description: z.string().trim().max(200).default(""),
    scope: z.union([z.object({ kind: z.literal("all") }), ScopeSchema]).default({ kind: "all" }),
  })
  .strict();
export type EndpointInput = z.infer<typeof EndpointInputSchema>;

export const EndpointUpdateSchema = z.object({ active: z.boolean() }).strict();

const publicFields = {
  id: true,
  url: true,
  description: true,
  scopeKind: true,
  scopeValue: true,
  active: true,
  disabledAt: true,
  disabledReason: true,
  createdAt: true,
  previousSecretUntil: true,
} as const;

export function listEndpoints(db: Db) {
  return db.webhookEndpoint.findMany({ select: publicFields, orderBy: { id: "asc" } });
}

const notFound = (id: number) => new NotFoundError(`No webhook endpoint ${id}`, { fields: [{ field: "id", message: `no endpoint ${id}` }] });

/** The secret is answered once, here and at each rotation; it never appears in lists or the audit. */
export async function createEndpoint(db: Db, actor: Actor, input: EndpointInput) {
  const scope = input.scope.kind === "all" ? { scopeKind: "all", scopeValue: "" } : scopeKey(input.scope);
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({ data: { url: input.url, description: input.description, ...scope, secret: newWebhookSecret(), createdById: actor.id } });
    // Only the host: webhook URLs often carry a secret path, and editors read the audit log.
    await appendAudit(tx, actor, { action: "webhook.create", entityType: "webhook", entityId: endpoint.id, after: { host: new URL(endpoint.url).host, ...scope } });
    return { endpoint: await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id }, select: publicFields }), secret: endpoint.secret };
  });
}

export async function setEndpointActive(db: Db, actor: Actor, id: number, active: boolean) {
  return db.$transaction(async (tx) => {
    const found = await tx.webhookEndpoint.findUnique({ where: { id }, select: { id: true } });
    if (!found) throw notFound(id);
    const endpoint = await tx.webhookEndpoint.update({ where: { id }, data: active ? { active, disabledAt: null, disabledReason: null } : { active, disabledAt: new Date(), disabledReason: "disabled by an admin" }, select: publicFields });
    await appendAudit(tx, actor, { action: active ? "webhook.enable" : "webhook.disable", entityType: "webhook", entityId: id });
    return endpoint;
  });
}

/** A new secret signs from now on; the old one signs alongside for ROTATION_OVERLAP_MS. */
export async function rotateEndpointSecret(db: Db, actor: Actor, id: number, { clock = systemClock }: { clock?: Clock } = {}) {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id } });
    if (!endpoint) throw notFound(id);
    const secret = newWebhookSecret();
    const previousSecretUntil = new Date(clock.now().getTime() + ROTATION_OVERLAP_MS);
    await tx.webhookEndpoint.update({ where: { id }, data: { secret, previousSecret: endpoint.secret, previousSecretUntil } });
    await appendAudit(tx, actor, { action: "webhook.rotate-secret", entityType: "webhook", entityId: id, after: { previousSecretUntil } });
    return { secret, previousSecretUntil };
  });
}

export async function sendTestEvent(db: Db, actor: Actor, id: number, { clock = systemClock }: { clock?: Clock } = {}) {
  const now = clock.now();
  const delivery = await db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id }, select: { id: true } });
    if (!endpoint) throw notFound(id);
    const created = await tx.delivery.create({
      data: {
        idempotencyKey: `webhook:test:${crypto.randomUUID()}:endpoint:${id}`,
        channel: "webhook",
        endpointId: id,
        eventType: "test",
        payload: JSON.stringify({ type: "test", timestamp: now.toISOString(), data: { endpointId: id, message: `A test event sent by ${actor.name}` } }),
      },
      select: { id: true },
    });
    await enqueueJob(tx, { queue: WEBHOOK_QUEUE, key: webhookJobKey(created.id), runAt: now, payload: { deliveryId: created.id } });
    return created;
  });
  wakeJobWorker(now);
  return delivery;
}

/** The delivery log of one endpoint, newest first, with every try's code and time. */
export async function endpointDeliveries(db: Db, id: number, limit = 50) {
  if (!(await db.webhookEndpoint.findUnique({ where: { id }, select: { id: true } }))) throw notFound(id);
  return db.delivery.findMany({
    where: { endpointId: id },
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      eventType: true,
      state: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      createdAt: true,
      deliveredAt: true,
      attemptLog: { orderBy: { at: "asc" }, select: { at: true, durationMs: true, statusCode: true, error: true } },
    },
  });
}
