// The banner a cached page carries when the service worker shows it offline. Pure, so the
// service worker and the tests share it; the age is computed when the page is shown.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function ageText(ms: number): string {
  const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  if (ms < MINUTE) return "just now";
  if (ms < HOUR) return relative.format(-Math.floor(ms / MINUTE), "minute");
  if (ms < DAY) return relative.format(-Math.floor(ms / HOUR), "hour");
  return relative.format(-Math.floor(ms / DAY), "day");
}

/** "You are offline — statuses as of 14:05 (2 hours ago)", in the reader's time zone. */
export function offlineBannerText(fetchedAt: Date, now: Date, timeZone?: string): string {
  const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone }).format(fetchedAt);
  const day = now.getTime() - fetchedAt.getTime() >= DAY ? `${new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone }).format(fetchedAt)} ` : "";
  return `You are offline — statuses as of ${day}${clock} (${ageText(Math.max(0, now.getTime() - fetchedAt.getTime()))})`;
}

/** The HTML with the banner as the first thing in its body; unchanged when there is no body. */
export function withOfflineBanner(html: string, fetchedAt: Date, now: Date, timeZone?: string): string {
  const bodyStart = /<body\b[^>]*>/i.exec(html);
  if (!bodyStart) return html;
  const at = bodyStart.index + bodyStart[0].length;
  // The text is made of digits, month names and fixed words: nothing to escape.
  const banner = `<p class="offline-banner" role="status" data-offline-banner="">${offlineBannerText(fetchedAt, now, timeZone)}</p>`;
  return html.slice(0, at) + banner + html.slice(at);
}
