// Links of a page that shows a moment: back to today, the other knowledge mode, what changed since.
import type { Moment } from "./moment";
import { momentParams } from "./moment";
import { matchesCity } from "@/lib/text/fold";

const href = (path: string, params: Record<string, string | undefined>) => {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
};

export function momentPageLinks(basePath: string, params: Record<string, string>, moment: Moment | null, scope: { host?: string; city?: string } = {}) {
  if (!moment) return { nowHref: href(basePath, params) };
  const other = { ...moment, known: moment.known === "then" ? ("now" as const) : ("then" as const) };
  return {
    nowHref: href(basePath, params),
    switchKnownHref: href(basePath, { ...params, ...momentParams(other) }),
    changesHref: href("/changes", { host: scope.host, city: scope.city, from: moment.at.toISOString(), ...(moment.known === "then" ? { known: "then" } : {}) }),
  };
}

/** The time zone a page's moments are typed and shown in: its city's, else the most common, else UTC. */
export function zoneOfRows(rows: readonly { city: string; timeZone: string }[], city?: string): string {
  const candidates = city ? rows.filter((row) => matchesCity(row.city, city)) : rows;
  const counts = new Map<string, number>();
  for (const row of candidates) counts.set(row.timeZone, (counts.get(row.timeZone) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "UTC";
}
