// Times are stored in UTC and shown twice: in the host city's time zone and in UTC.

type Style = "dateTime" | "time" | "utcTime" | "date" | "day";

const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  dateTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" },
  time: { hour: "2-digit", minute: "2-digit", timeZoneName: "short" },
  utcTime: { hour: "2-digit", minute: "2-digit" },
  date: { day: "numeric", month: "short", year: "numeric" },
  day: { year: "numeric", month: "2-digit", day: "2-digit" },
};

// Building an Intl.DateTimeFormat costs far more than formatting with one; a CSV of thousands
// of missions formats several times per row, in a handful of zones.
const formatters = new Map<string, Intl.DateTimeFormat | null>();
const MAX_FORMATTERS = 2000;

/** The formats' language: English is British English (day before month, 24-hour clock). */
const formatLocale = (locale: string) => (locale === "en" ? "en-GB" : locale);

function formatter(style: Style, timeZone: string, locale = "en"): Intl.DateTimeFormat | null {
  const key = `${style} ${timeZone} ${locale}`;
  let cached = formatters.get(key);
  if (cached === undefined) {
    try {
      cached = new Intl.DateTimeFormat(style === "day" ? "en-CA" : formatLocale(locale), { ...STYLES[style], timeZone });
    } catch {
      cached = null; // not a time zone
    }
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, cached);
  }
  return cached;
}

/** Formats in the zone, or in UTC when the zone is not a valid one. */
const format = (style: Style, date: Date, timeZone: string, locale = "en") => (formatter(style, timeZone, locale) ?? formatter(style, "UTC", locale)!).format(date);
const isValidTimeZone = (timeZone: string) => formatter("date", timeZone) !== null;

export function formatDateTime(date: Date, timeZone = "UTC", locale = "en"): string {
  return format("dateTime", date, timeZone, locale);
}

/** "20 Nov 2024, 09:00 EET (07:00 UTC)" — local time first, UTC for comparison. */
export function formatLocalAndUtc(date: Date, timeZone: string, locale = "en"): string {
  const local = formatDateTime(date, timeZone, locale);
  if (!isValidTimeZone(timeZone) || timeZone === "UTC") return local;
  return `${local} (${format("utcTime", date, "UTC", locale)} UTC)`;
}

/** "18:00 EET (16:00 UTC)": the time of day only, local first. */
export function formatTimeLocalAndUtc(date: Date, timeZone: string, locale = "en"): string {
  const local = format("time", date, timeZone, locale);
  if (!isValidTimeZone(timeZone) || timeZone === "UTC") return local;
  return `${local} (${format("utcTime", date, "UTC", locale)} UTC)`;
}

/** The calendar day of an instant in a zone, "2024-11-20". */
export function calendarDay(date: Date, timeZone: string): string {
  return format("day", date, timeZone);
}

export function formatDate(date: Date, timeZone = "UTC", locale = "en"): string {
  return format("date", date, timeZone, locale);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

// Built once per language, as the date formats are: a table formats an age on every row.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let cached = relativeFormats.get(locale);
  if (!cached) {
    cached = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    if (relativeFormats.size >= MAX_FORMATTERS) relativeFormats.clear();
    relativeFormats.set(locale, cached);
  }
  return cached;
}

/** "3 days ago" relative to now. */
export function formatAge(date: Date, now = new Date(), locale = "en"): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const format = relativeFormat(locale);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return locale === "en" ? "just now" : format.format(0, "second");
}
