// The body of a webhook, per Standard Webhooks: { type, timestamp, data }. The same schema
// documents it in the OpenAPI document's `webhooks` section (lib/api/openapi.ts).
import crypto from "node:crypto";
import { z } from "zod";
import type { ChangeFacts } from "@/lib/subscriptions/change-facts";

const statusOrNone = z.enum(["open", "limited", "closed"]).nullable();

export const StatusEventSchema = z
  .object({
    type: z.literal("mission.status_changed"),
    timestamp: z.string().meta({ description: "When the event was written (ISO 8601, UTC)", example: "2026-12-02T09:30:00.000Z" }),
    data: z.object({
      changeId: z.number().int().meta({ description: "The history entry; with webhook-id, what a receiver deduplicates on" }),
      kind: z.enum(["change", "expiry", "scheduled"]).meta({ description: "A report, the end of a reported status, or a scheduled change taking effect" }),
      mission: z.object({
        id: z.number().int(),
        slug: z.string(),
        name: z.string(),
        city: z.string(),
        hostCode: z.string(),
        sendingCode: z.string(),
        timeZone: z.string(),
        url: z.string(),
      }),
      previousStatus: z.string().nullable(),
      status: statusOrNone.meta({ description: "null: no status reported" }),
      since: z.string(),
      until: z.string().nullable(),
      follows: z.string().nullable().meta({ description: "What applies at `until`" }),
      reason: z.string().nullable(),
      source: z.object({ url: z.string().nullable(), title: z.string().nullable() }),
      verifiedAt: z.string().nullable(),
      freshness: z.enum(["fresh", "due", "stale", "unconfirmed"]).nullable(),
      eventId: z.number().int().nullable().meta({ description: "The bulk event this change belongs to, if any" }),
      text: z.string().meta({ description: "The status in words, local time with UTC", example: "Closed until 18:00 EET (16:00 UTC) · confirmed at 09:30 EET (07:30 UTC)" }),
    }),
  })
  .meta({ id: "StatusChangedEvent" });
export type StatusEvent = z.infer<typeof StatusEventSchema>;

export const TestEventSchema = z
  .object({ type: z.literal("test"), timestamp: z.string(), data: z.object({ endpointId: z.number().int(), message: z.string() }) })
  .meta({ id: "TestEvent" });

/** webhook-id: stable per delivery, so every retry carries the same one. */
export const webhookMessageId = (idempotencyKey: string) => `msg_${crypto.createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32)}`;

export function buildStatusEvent(facts: ChangeFacts, now: Date): StatusEvent {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    type: "mission.status_changed",
    timestamp: now.toISOString(),
    data: {
      changeId: facts.changeId,
      kind: facts.kind === "expiry" || facts.kind === "scheduled" ? facts.kind : "change",
      mission: {
        id: facts.mission.id,
        slug: facts.mission.slug,
        name: facts.mission.title,
        city: facts.mission.city,
        hostCode: facts.mission.hostCode,
        sendingCode: facts.mission.sendingCode,
        timeZone: facts.mission.timeZone,
        url: facts.mission.url,
      },
      previousStatus: facts.previousStatus,
      status: statusOrNone.catch(null).parse(facts.newStatus),
      since: facts.since.toISOString(),
      until: iso(facts.until),
      follows: facts.follows,
      reason: facts.reason,
      source: facts.source,
      verifiedAt: iso(facts.verifiedAt),
      freshness: facts.freshness,
      eventId: facts.eventId,
      text: facts.wording.text,
    },
  };
}
