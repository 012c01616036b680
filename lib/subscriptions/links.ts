// Absolute links in mails: PUBLIC_ORIGIN when set, else this server's own address.
import { env } from "@/lib/env";

export function publicOrigin(): string {
  const config = env();
  return config.PUBLIC_ORIGIN ?? `http://localhost:${config.PORT}`;
}

export const confirmUrl = (token: string) => `${publicOrigin()}/subscriptions/confirm?token=${encodeURIComponent(token)}`;
export const manageUrl = (token: string) => `${publicOrigin()}/subscriptions/manage?token=${encodeURIComponent(token)}`;
/** RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" here; a browser GET shows a button. */
export const unsubscribeUrl = (token: string) => `${publicOrigin()}/api/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`;
export const missionUrl = (slug: string) => `${publicOrigin()}/missions/${encodeURIComponent(slug)}`;
