// Cache headers of a view of a moment. A settled view (a past moment, as known then) can never
// change (a report cannot be recorded in the past), so its URL is citable and cached for good.
import type { Moment } from "./moment";
import { isSettled } from "./moment";

export const SETTLED_CACHE_CONTROL = "public, max-age=31536000, immutable";

/** Extra headers for a response showing `moment` (none for today's view). */
export function momentCacheHeaders(moment: Moment | null, now: Date): Record<string, string> {
  return isSettled(moment, now) ? { "Cache-Control": SETTLED_CACHE_CONTROL } : {};
}
