// How a status and its freshness read, in words, in every format (pages, embed, badge, API,
// CSV, feeds). Times are in the host city's zone with UTC beside them. Pure: "now" is passed
// in, because "18:00" alone is only clear on the day it refers to.
import type { Freshness } from "./freshness";
import { StatusSchema, statusFilterOf, type StatusFilter } from "./schema";
import { calendarDay, formatDate, formatLocalAndUtc, formatTimeLocalAndUtc } from "@/lib/time";
import { i18nFor, type I18n } from "@/lib/i18n/translator";
import { MissionTypeSchema } from "@/lib/missions/types";

const ENGLISH = i18nFor("en");

/** Every status filter's name in a language, for components that take them as props. */
export function statusLabelsIn(i18n: I18n = ENGLISH): Record<StatusFilter, string> {
  return { open: statusLabel("open", i18n), limited: statusLabel("limited", i18n), closed: statusLabel("closed", i18n), unreported: statusLabel(null, i18n) };
}

/** A status's name in a language: "Closed", "Зачинено". */
export function statusLabel(status: string | null, i18n: I18n = ENGLISH): string {
  return i18n.t(`status.${statusFilterOf(status)}`);
}

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

/** A mission type in a language (the stored value when it is not one of ours). */
export function missionTypeIn(type: string, i18n: I18n = ENGLISH): string {
  const parsed = MissionTypeSchema.safeParse(type);
  return parsed.success ? i18n.t(`types.${parsed.data}`) : type;
}

/** Short names of the freshness states, for a column or a filter. */
export const FRESHNESS_LABELS: Record<Freshness, string> = {
  fresh: "Confirmed",
  due: "Confirmed, check due",
  stale: "Not confirmed recently",
  unconfirmed: "Not confirmed",
};


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
function moment(date: Date, timeZone: string, now: Date, i18n: I18n): string {
  return isToday(date, timeZone, now) ? formatTimeLocalAndUtc(date, timeZone, i18n.locale) : formatLocalAndUtc(date, timeZone, i18n.locale);
}

/** "at 18:00 EET (16:00 UTC)" today, "20 Nov 2024, 18:00 EET (16:00 UTC)" another day. */
function at(date: Date, timeZone: string, now: Date, i18n: I18n): string {
  return isToday(date, timeZone, now) ? i18n.t("freshness.atTime", { time: formatTimeLocalAndUtc(date, timeZone, i18n.locale) }) : formatLocalAndUtc(date, timeZone, i18n.locale);
}

/** "the closure": a status as something that ends. */
export function endedNoun(status: string | null, i18n: I18n = ENGLISH): string {
  const parsed = StatusSchema.safeParse(status);
  return i18n.t(`freshness.${parsed.success ? parsed.data : "previous"}`);
}

function freshnessPhrase(facts: StatusFacts, now: Date, i18n: I18n): string | null {
  const { freshness, verifiedAt, timeZone } = facts;
  const { t } = i18n;
  switch (freshness) {
    case null:
      return null;
    case "fresh":
      return verifiedAt ? t("freshness.confirmedAt", { at: at(verifiedAt, timeZone, now, i18n) }) : null;
    case "due":
      return verifiedAt ? t("freshness.dueAt", { at: at(verifiedAt, timeZone, now, i18n) }) : null;
    case "stale": {
      if (!verifiedAt) return t("freshness.noSource");
      const since = now.getTime() - verifiedAt.getTime() > RECENT_MS ? formatDate(verifiedAt, timeZone, i18n.locale) : moment(verifiedAt, timeZone, now, i18n);
      return t("freshness.notSince", { since });
    }
    case "unconfirmed": {
      if (!facts.expectedAfter) return t("freshness.noSource");
      const what = endedNoun(facts.expectedAfter, i18n);
      const ended = facts.statusSince ? t("freshness.endedAt", { what, at: at(facts.statusSince, timeZone, now, i18n) }) : t("freshness.ended", { what });
      return facts.status ? t("freshness.expectedAfter", { ended }) : t("freshness.endedNoReport", { ended });
    }
  }
}

function followsPhrase(facts: StatusFacts, i18n: I18n): string | null {
  if (!facts.statusUntil || !facts.statusFollows) return null;
  if (facts.statusFollows === "unreported") return i18n.t("status.thenNone");
  return i18n.t("status.then", { status: statusLabel(facts.statusFollows, i18n) });
}

/** In English unless a language is given (the API and feeds stay English; decision 032). */
export function describeStatus(facts: StatusFacts, now: Date, i18n: I18n = ENGLISH): StatusWording {
  const label = statusLabel(facts.status, i18n);
  const until = facts.status && facts.statusUntil ? i18n.t("status.until", { time: moment(facts.statusUntil, facts.timeZone, now, i18n) }) : null;
  const headline = until ? `${label} ${until}` : label;
  const freshness = freshnessPhrase(facts, now, i18n);
  return { label, headline, freshness, follows: followsPhrase(facts, i18n), text: freshness ? `${headline} · ${freshness}` : headline };
}

/** A history entry in a few words: "changed to Closed", "confirmed Closed", … (English unless a language is given). */
export function describeChange(change: { kind: string; previousStatus: string | null; newStatus: string | null }, i18n: I18n = ENGLISH): string {
  const { t } = i18n;
  const status = statusLabel(change.newStatus, i18n);
  switch (change.kind) {
    case "verify":
      return t("history.confirmedStatus", { status });
    case "expiry": {
      const ended = t("freshness.ended", { what: endedNoun(change.previousStatus, i18n) });
      return StatusSchema.safeParse(change.newStatus).success ? t("history.expiryExpected", { ended, status }) : t("history.expiryNone", { ended });
    }
    case "scheduled":
      return t("history.scheduled", { status });
    default:
      return change.previousStatus ? t("history.changed", { status }) : t("history.first", { status });
  }
}

/** A phrase as the start of a line: "Not confirmed since …". */
export const capitalised = (phrase: string, locale = "en") => phrase.charAt(0).toLocaleUpperCase(locale) + phrase.slice(1);
