import { formatAge, formatDate, formatDateTime, formatLocalAndUtc } from "@/lib/time";

export type DateTimeVariant = "local-and-utc" | "local" | "date" | "age";

/** What a <time> says and its title (always UTC); shared with the table rows' HTML. */
export function dateTimeWords(value: Date, timeZone: string, variant: DateTimeVariant, locale: string): { text: string; title: string } {
  const text =
    variant === "local-and-utc"
      ? formatLocalAndUtc(value, timeZone, locale)
      : variant === "local"
        ? formatDateTime(value, timeZone, locale)
        : variant === "date"
          ? formatDate(value, timeZone, locale)
          : formatAge(value, new Date(), locale);
  return { text, title: formatDateTime(value, "UTC", locale) };
}

/** A machine-readable <time> with a human rendering; the title always gives UTC. */
/** `locale`: the reader's language for the words and formats (server callers pass it). */
export function DateTime({ value, timeZone = "UTC", variant = "local-and-utc", locale = "en" }: { value: Date; timeZone?: string; variant?: DateTimeVariant; locale?: string }) {
  const { text, title } = dateTimeWords(value, timeZone, variant, locale);
  return (
    <time dateTime={value.toISOString()} title={title}>
      {text}
    </time>
  );
}
