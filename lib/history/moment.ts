// The moment a view shows: `at=` (an instant with an offset) and `known=` (now: everything
// known today about that moment; then: only what had been recorded by it, i.e. what the public
// was shown). Imports nothing server-side: pages, the API, the embed and forms share it.
// See docs/decisions/022-time-travel.md.
import { z } from "zod";
import { InstantSchema } from "@/lib/input/instant";
import { instantToWallTime, wallTimeToInstant } from "@/lib/zoned-time";

export const KNOWN_MODES = ["now", "then"] as const;
export const KnownSchema = z.enum(KNOWN_MODES, { error: "must be now or then" });
export type Known = z.infer<typeof KnownSchema>;

/** A past moment and which knowledge of it to replay. */
export interface Moment {
  at: Date;
  known: Known;
}

const NOT_IN_FUTURE = "must not be in the future (scheduled changes and ends apply when they happen)";

/** Clocks of browsers (the embed builder freezes "now") may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 60_000;

/** `at` as the API and the pages take it: an instant with an offset, not after `now`. */
export function atSchema(now: () => Date = () => new Date()) {
  return InstantSchema.refine((date) => date.getTime() <= now().getTime() + CLOCK_SKEW_MS, NOT_IN_FUTURE);
}

export const MomentQuerySchema = z.object({
  at: atSchema().optional().meta({
    description:
      "Show the data as it stood at this moment (ISO 8601 with an offset or Z, not in the future), e.g. 2024-11-20T10:00+02:00. Statuses, reasons, sources and freshness are replayed from the history",
    example: "2024-11-20T10:00:00+02:00",
  }),
  known: KnownSchema.optional().meta({
    description:
      "With `at`: `now` (default) replays everything known today about that moment, including later corrections and back-dated reports; `then` only what had been recorded by that moment, i.e. what the public was shown",
  }),
});

export type MomentParseResult = { ok: true; moment: Moment | null } | { ok: false; errors: { field: string; message: string }[] };

const single = (value: string | string[] | undefined | null) => (Array.isArray(value) ? value[0] : (value ?? undefined));

/** Strict: a bad `at` or `known`, or `known` without `at`, is an error naming it. */
export function parseMoment(raw: { at?: string | string[] | null; known?: string | string[] | null }, now: () => Date = () => new Date()): MomentParseResult {
  const errors: { field: string; message: string }[] = [];
  const atText = single(raw.at);
  const knownText = single(raw.known);
  const at = atText === undefined ? undefined : atSchema(now).safeParse(atText);
  const known = knownText === undefined ? undefined : KnownSchema.safeParse(knownText);
  if (at && !at.success) errors.push({ field: "at", message: at.error.issues[0]?.message ?? "is invalid" });
  if (known && !known.success) errors.push({ field: "known", message: known.error.issues[0]?.message ?? "is invalid" });
  if (!at && known) errors.push({ field: "known", message: "needs `at`" });
  if (errors.length) return { ok: false, errors };
  if (!at?.success) return { ok: true, moment: null };
  return { ok: true, moment: { at: at.data, known: known?.success ? known.data : "now" } };
}

/** The moment's query parameters (known only when not the default), for links that keep it. */
export function momentParams(moment: Moment | null, atText?: string): Record<string, string> {
  if (!moment) return {};
  return { at: atText ?? moment.at.toISOString(), ...(moment.known === "then" ? { known: "then" } : {}) };
}

/**
 * Whether a view of this moment can never change: the moment is past and only entries
 * recorded by then count (a later report cannot be recorded in the past).
 */
export function isSettled(moment: Moment | null, now: Date): boolean {
  return moment !== null && moment.known === "then" && moment.at < now;
}

/** An instant written in a zone's local time with its offset: "2024-11-20T10:00:00+02:00". */
export function instantInZone(instant: Date, timeZone: string): string {
  const wall = instantToWallTime(instant, timeZone, { seconds: true });
  const offset = Math.round((Date.parse(`${wall}Z`) - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  if (offset === 0) return `${wall}Z`;
  const sign = offset < 0 ? "-" : "+";
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const minutes = String(Math.abs(offset) % 60).padStart(2, "0");
  return `${wall}${sign}${hours}:${minutes}`;
}

export interface PageMoment {
  moment: Moment | null;
  /** Parameters that keep this moment in links and forms. */
  keep: Record<string, string>;
  /** Set when `at`/`known` could not be read: the page shows today and says why. */
  problem?: string;
  /** Set when the date control sent a local time: the canonical URL to go to. */
  redirectQuery?: URLSearchParams;
}

/**
 * Pages read the moment leniently: a bad one shows today with a note, never an error page.
 * The date control sends `at_local` (a datetime-local value in `timeZone`), turned into the
 * canonical, citable `at=` with the zone's offset.
 */
export function readPageMoment(params: Record<string, string | string[] | undefined>, timeZone: string, now: () => Date = () => new Date()): PageMoment {
  const local = single(params.at_local);
  if (local !== undefined) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (name === "at_local" || name === "at" || name === "known" || value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) query.append(name, item);
    }
    const instant = local.trim() ? wallTimeToInstant(local, timeZone) : undefined;
    if (instant && instant < now()) {
      query.set("at", instantInZone(instant, timeZone));
      const known = single(params.known);
      if (known === "then") query.set("known", "then");
    }
    return { moment: null, keep: {}, redirectQuery: query };
  }
  const parsed = parseMoment({ at: params.at, known: params.known }, now);
  if (!parsed.ok) return { moment: null, keep: {}, problem: parsed.errors.map((error) => `${error.field} ${error.message}`).join("; ") };
  return { moment: parsed.moment, keep: momentParams(parsed.moment, single(params.at)) };
}
