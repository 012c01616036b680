// How a status and its freshness read, in words, in every format (pages, embed, badge, API,
// CSV, feeds). Times are in the host city's zone with UTC beside them. Pure: "now" is passed
// in, because "18:00" alone is only clear on the day it refers to.
import type { Freshness } from "./freshness";
import { STATUS_LABELS, StatusSchema, statusFilterOf, type Status } from "./schema";
import { calendarDay, formatDate, formatLocalAndUtc, formatTimeLocalAndUtc } from "@/lib/time";

export interface StatusFacts {
  status: string | null;
  statusSince: Date | null;
  statusUntil: Date | null;
  statusFollows: string | null;
  expectedAfter: string | null;
  verifiedAt: Date | null;
  timeZone: string;
  freshness: Freshness | null;
}

export interface StatusWording {
  /** "Closed" */
  label: string;
  /** "Closed until 18:00 EET (16:00 UTC)" */
  headline: string;
  /** "not confirmed since 20 Nov 2024"; null when there is no status to confirm */
  freshness: string | null;
  /** What applies when the status ends: "then Open, expected (not confirmed)" */
  follows: string | null;
  /** headline · freshness: the one line every plain-text format uses */
  text: string;
}

/** Short names of the freshness states, for a column or a filter. */
export const FRESHNESS_LABELS: Record<Freshness, string> = {
  fresh: "Confirmed",
  due: "Confirmed, check due",
  stale: "Not confirmed recently",
  unconfirmed: "Not confirmed",
};

const ENDED_NOUNS: Record<Status, string> = { closed: "the closure", limited: "the limited service", open: "the open period" };

const RECENT_MS = 7 * 24 * 3600_000;

// "Today" in a zone is the same for every row of a response (one `now`): remember it.
let todayFor = { nowMs: Number.NaN, days: new Map<string, string>() };
function today(now: Date, timeZone: string): string {
  if (todayFor.nowMs !== now.getTime()) todayFor = { nowMs: now.getTime(), days: new Map() };
  let day = todayFor.days.get(timeZone);
  if (day === undefined) todayFor.days.set(timeZone, (day = calendarDay(now, timeZone)));
  return day;
}

const isToday = (date: Date, timeZone: string, now: Date) => calendarDay(date, timeZone) === today(now, timeZone);

/** "18:00 EET (16:00 UTC)" on the same local day as now, else with the date. */
function moment(date: Date, timeZone: string, now: Date): string {
  return isToday(date, timeZone, now) ? formatTimeLocalAndUtc(date, timeZone) : formatLocalAndUtc(date, timeZone);
}

/** "at 18:00 EET (16:00 UTC)" today, "20 Nov 2024, 18:00 EET (16:00 UTC)" another day. */
function at(date: Date, timeZone: string, now: Date): string {
  return isToday(date, timeZone, now) ? `at ${formatTimeLocalAndUtc(date, timeZone)}` : formatLocalAndUtc(date, timeZone);
}

/** "the closure": a status as something that ends. */
export function endedNoun(status: string | null): string {
  const parsed = StatusSchema.safeParse(status);
  return parsed.success ? ENDED_NOUNS[parsed.data] : "the previous status";
}

function freshnessPhrase(facts: StatusFacts, now: Date): string | null {
  const { freshness, verifiedAt, timeZone } = facts;
  switch (freshness) {
    case null:
      return null;
    case "fresh":
      return verifiedAt ? `confirmed ${at(verifiedAt, timeZone, now)}` : null;
    case "due":
      return verifiedAt ? `last confirmed ${at(verifiedAt, timeZone, now)}, due for a new check` : null;
    case "stale": {
      if (!verifiedAt) return "not confirmed by a source";
      const since = now.getTime() - verifiedAt.getTime() > RECENT_MS ? formatDate(verifiedAt, timeZone) : moment(verifiedAt, timeZone, now);
      return `not confirmed since ${since}`;
    }
    case "unconfirmed": {
      if (!facts.expectedAfter) return "not confirmed by a source";
      const ended = `${endedNoun(facts.expectedAfter)} ended${facts.statusSince ? ` ${at(facts.statusSince, timeZone, now)}` : ""}`;
      return facts.status ? `expected after ${ended}, not confirmed` : `${ended}; no source has reported since`;
    }
  }
}

function followsPhrase(facts: StatusFacts): string | null {
  if (!facts.statusUntil || !facts.statusFollows) return null;
  if (facts.statusFollows === "unreported") return "then no status until a source reports one";
  return `then ${STATUS_LABELS[statusFilterOf(facts.statusFollows)]}, expected (not confirmed)`;
}

export function describeStatus(facts: StatusFacts, now: Date): StatusWording {
  const label = STATUS_LABELS[statusFilterOf(facts.status)];
  const headline = facts.status && facts.statusUntil ? `${label} until ${moment(facts.statusUntil, facts.timeZone, now)}` : label;
  const freshness = freshnessPhrase(facts, now);
  return { label, headline, freshness, follows: followsPhrase(facts), text: freshness ? `${headline} · ${freshness}` : headline };
}

/** A history entry in a few words: "changed to Closed", "confirmed Closed", … */
export function describeChange(change: { kind: string; previousStatus: string | null; newStatus: string | null }): string {
  const reported = StatusSchema.safeParse(change.newStatus).success;
  const next = STATUS_LABELS[statusFilterOf(change.newStatus)];
  switch (change.kind) {
    case "verify":
      return `confirmed ${next}`;
    case "expiry":
      return `${endedNoun(change.previousStatus)} ended; ${reported ? `${next} expected, not confirmed` : "no status reported since"}`;
    case "scheduled":
      return `changed to ${next} as scheduled`;
    default:
      return change.previousStatus ? `changed to ${next}` : `first reported ${next}`;
  }
}

/** A phrase as the start of a line: "Not confirmed since …". */
export const capitalised = (phrase: string) => phrase.charAt(0).toUpperCase() + phrase.slice(1);
