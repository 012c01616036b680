/**
 * The client address for rate limiting: the last X-Forwarded-For entry, which is the one the
 * nearest proxy (or Next itself, from the socket) added. Behind no proxy a client can choose
 * it, so the per-account limit is the one that cannot be dodged.
 */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? "unknown";
}
