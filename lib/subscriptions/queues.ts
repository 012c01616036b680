// Queue names and job keys of notifications, in one place for writers and handlers.
export const NOTIFY_QUEUE = "notify-fanout";
export const MAIL_QUEUE = "deliver-mail";
export const WEBHOOK_QUEUE = "deliver-webhook";
export const DIGEST_QUEUE = "mail-digest";

/** One fan-out per change, or per bulk event (so 200 missions make one mail per subscriber). */
export const noticeJobKey = (change: { id: number; eventId: number | null }) =>
  change.eventId ? `${NOTIFY_QUEUE}:event:${change.eventId}` : `${NOTIFY_QUEUE}:change:${change.id}`;
export const mailJobKey = (deliveryId: number) => `${MAIL_QUEUE}:${deliveryId}`;
export const webhookJobKey = (deliveryId: number) => `${WEBHOOK_QUEUE}:${deliveryId}`;
