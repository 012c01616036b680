// Subscribing by mail: double opt-in, confirmation, unsubscribing, the manage page's reads.
// Subscribe answers the same whatever the address's state (new, pending, already subscribed),
// so the form cannot tell anyone who follows what. Why this shape: decision 020.
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/create";
import { ALL_COUNTRIES, isKnownCountryCode } from "@/lib/countries/catalog";
import { NotFoundError, RateLimitedError, ValidationError } from "@/lib/errors";
import { EmailSchema } from "@/lib/input/email";
import { systemClock, type Clock } from "@/lib/jobs/clock";
import { enqueueJob } from "@/lib/jobs/queue";
import { wakeJobWorker } from "@/lib/jobs/wake";
import { SUBSCRIBE_ANSWER } from "./answer";
import { CONFIRM_HOURS } from "./confirm-hours";
import { MAIL_QUEUE, mailJobKey } from "./queues";
import { confirmUrl } from "./links";
import { ScopeSchema, scopeKey, type Scope } from "./scope";
import { newToken, tokenHash } from "./tokens";


const countryName = (code: string) => ALL_COUNTRIES.find((entry) => entry.code === code)?.name ?? code;
const SUBSCRIBES_PER_ADDRESS_PER_HOUR = 20;
const CONFIRM_MAILS_PER_EMAIL_PER_HOUR = 3;

export const SubscribeInputSchema = z
  .object({
    email: EmailSchema.transform((email) => email.toLowerCase()),
    scope: ScopeSchema,
    cadence: z.enum(["immediate", "digest"], { error: 'must be "immediate" or "digest"' }).default("immediate"),
  })
  .strict();
export type SubscribeInput = z.infer<typeof SubscribeInputSchema>;


/** "the Embassy of Germany in Kyiv", "missions in Kyiv (Ukraine)", "all missions of Germany" */
export async function scopeLabel(client: Db | Tx, scope: { scopeKind: string; scopeValue: string }): Promise<string> {
  switch (scope.scopeKind) {
    case "mission": {
      const mission = await client.mission.findUnique({ where: { id: Number(scope.scopeValue) }, select: { name: true, city: true, sending: { select: { name: true } } } });
      return mission ? (mission.name ?? `the mission of ${mission.sending.name} in ${mission.city}`) : `mission ${scope.scopeValue}`;
    }
    case "city": {
      const [hostCode = "", city = ""] = scope.scopeValue.split("/");
      const mission = await client.mission.findFirst({ where: { hostCode, archivedAt: null, searchText: { contains: city } }, select: { city: true } });
      return `missions in ${mission?.city ?? city} (${countryName(hostCode)})`;
    }
    case "host":
      return `all missions in ${countryName(scope.scopeValue) ?? scope.scopeValue}`;
    case "sending":
      return `all missions of ${countryName(scope.scopeValue) ?? scope.scopeValue}`;
    default:
      return "all missions";
  }
}

async function checkScopeExists(db: Db, scope: Scope): Promise<void> {
  const missing = (field: string, message: string) => new ValidationError([{ field: `scope.${field}`, message }]);
  switch (scope.kind) {
    case "mission":
      if (!(await db.mission.findFirst({ where: { id: scope.missionId, archivedAt: null }, select: { id: true } }))) throw missing("missionId", `no mission ${scope.missionId}`);
      return;
    case "city": {
      if (!isKnownCountryCode(scope.hostCode)) throw missing("hostCode", "is not a known country code");
      const cities = await db.mission.findMany({ where: { hostCode: scope.hostCode, archivedAt: null }, select: { city: true }, distinct: ["city"] });
      if (!cities.some((row) => row.city.toLowerCase() === scope.city.toLowerCase())) throw missing("city", `no mission in this city of ${scope.hostCode}`);
      return;
    }
    case "host":
      if (!isKnownCountryCode(scope.hostCode)) throw missing("hostCode", "is not a known country code");
      return;
    case "sending":
      if (!isKnownCountryCode(scope.sendingCode)) throw missing("sendingCode", "is not a known country code");
  }
}

interface Limiters {
  perAddress: RateLimiterPrisma;
  perEmail: RateLimiterPrisma;
}
const limiters = new WeakMap<Db, Limiters>();
function limitersFor(db: Db): Limiters {
  let found = limiters.get(db);
  if (!found) {
    const store = { storeClient: db, tableName: "rateLimiterFlexible" };
    found = {
      perAddress: new RateLimiterPrisma({ ...store, keyPrefix: "subscribe-address", points: SUBSCRIBES_PER_ADDRESS_PER_HOUR, duration: 3600 }),
      perEmail: new RateLimiterPrisma({ ...store, keyPrefix: "subscribe-email", points: CONFIRM_MAILS_PER_EMAIL_PER_HOUR, duration: 3600 }),
    };
    limiters.set(db, found);
  }
  return found;
}

/** Counts the request; false when the limit is reached. */
async function consume(limiter: RateLimiterPrisma, key: string): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  try {
    await limiter.consume(tokenHash(key));
    return { allowed: true, retryAfterSeconds: 0 };
  } catch (refusal) {
    if (refusal instanceof Error) throw refusal;
    const msBeforeNext = (refusal as { msBeforeNext?: number }).msBeforeNext ?? 3600_000;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
  }
}

/**
 * Starts a subscription (or renews a pending one's link). An address already subscribed to
 * the scope gets nothing new; the answer is the same in every case.
 */
export async function subscribe(db: Db, input: SubscribeInput, clientAddress: string, { clock = systemClock }: { clock?: Clock } = {}) {
  const { perAddress, perEmail } = limitersFor(db);
  const byAddress = await consume(perAddress, clientAddress);
  if (!byAddress.allowed) throw new RateLimitedError("Too many subscriptions from this address; try again later", byAddress.retryAfterSeconds);
  await checkScopeExists(db, input.scope);
  // Over the per-address-of-mail limit nothing is sent, but the answer stays the same: a
  // stranger cannot flood someone's inbox, nor learn anything from the answer.
  if (!(await consume(perEmail, input.email)).allowed) return SUBSCRIBE_ANSWER;
  const now = clock.now();
  const key = scopeKey(input.scope);
  const queued = await db.$transaction(async (tx) => {
    const subscriber = await tx.subscriber.upsert({ where: { email: input.email }, create: { email: input.email, manageToken: newToken() }, update: {} });
    const existing = await tx.subscription.findUnique({ where: { subscriberId_scopeKind_scopeValue: { subscriberId: subscriber.id, ...key } } });
    if (existing?.state === "active") return false;
    const token = newToken();
    const hash = tokenHash(token);
    const expiresAt = new Date(now.getTime() + CONFIRM_HOURS * 3600_000);
    const subscription = existing
      ? await tx.subscription.update({ where: { id: existing.id }, data: { confirmTokenHash: hash, confirmExpiresAt: expiresAt, cadence: input.cadence } })
      : await tx.subscription.create({ data: { subscriberId: subscriber.id, ...key, cadence: input.cadence, confirmTokenHash: hash, confirmExpiresAt: expiresAt } });
    // The link is kept only until the mail has left (the delivery clears it), then only its hash.
    const delivery = await tx.delivery.create({
      data: {
        idempotencyKey: `confirm:${subscription.id}:${hash}`,
        channel: "mail",
        subscriberId: subscriber.id,
        eventType: "subscription.confirm",
        payload: JSON.stringify({ confirmUrl: confirmUrl(token), scopeLabel: await scopeLabel(tx, key) }),
      },
    });
    await enqueueJob(tx, { queue: MAIL_QUEUE, key: mailJobKey(delivery.id), runAt: now, payload: { deliveryId: delivery.id } });
    return true;
  });
  if (queued) wakeJobWorker(now);
  return SUBSCRIBE_ANSWER;
}

const invalidLink = () => new NotFoundError("This link is invalid or has expired", { fields: [{ field: "token", message: "is unknown or expired" }] });

/** Confirms the subscription whose link this is; answers the subscriber's manage token. */
export async function confirmSubscription(db: Db, token: string, { clock = systemClock }: { clock?: Clock } = {}) {
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const subscription = await tx.subscription.findUnique({ where: { confirmTokenHash: tokenHash(token) }, include: { subscriber: { select: { manageToken: true } } } });
    if (!subscription || !subscription.confirmExpiresAt || subscription.confirmExpiresAt < now) throw invalidLink();
    await tx.subscription.update({ where: { id: subscription.id }, data: { state: "active", confirmTokenHash: null, confirmExpiresAt: null, confirmedAt: now } });
    return { manageToken: subscription.subscriber.manageToken, label: await scopeLabel(tx, subscription) };
  });
}

/** One-click unsubscribe: the address and everything it subscribed to are deleted. */
export async function unsubscribeEverything(db: Db, manageToken: string): Promise<boolean> {
  const deleted = await db.subscriber.deleteMany({ where: { manageToken } });
  return deleted.count > 0;
}

/** Ends one subscription; the address goes with its last one. */
export async function unsubscribeOne(db: Db, manageToken: string, subscriptionId: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const subscriber = await tx.subscriber.findUnique({ where: { manageToken }, select: { id: true } });
    if (!subscriber) throw invalidLink();
    const removed = await tx.subscription.deleteMany({ where: { id: subscriptionId, subscriberId: subscriber.id } });
    if (!removed.count) throw new NotFoundError(`No subscription ${subscriptionId} here`, { fields: [{ field: "subscriptionId", message: "is not one of yours" }] });
    if (!(await tx.subscription.count({ where: { subscriberId: subscriber.id } }))) await tx.subscriber.delete({ where: { id: subscriber.id } });
  });
}

/** What the manage page shows: the subscriptions, never the address itself. */
export async function subscriptionsOf(db: Db, manageToken: string) {
  const subscriber = await db.subscriber.findUnique({ where: { manageToken }, select: { subscriptions: { orderBy: { id: "asc" } } } });
  if (!subscriber) return null;
  return Promise.all(
    subscriber.subscriptions.map(async (subscription) => ({
      id: subscription.id,
      label: await scopeLabel(db, subscription),
      cadence: subscription.cadence,
      state: subscription.state,
    })),
  );
}
