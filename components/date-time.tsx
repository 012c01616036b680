import { formatAge, formatDate, formatDateTime, formatLocalAndUtc } from "@/lib/time";

type Variant = "local-and-utc" | "local" | "date" | "age";

/** A machine-readable <time> with a human rendering; the title always gives UTC. */
/** `locale`: the reader's language for the words and formats (server callers pass it). */
export function DateTime({ value, timeZone = "UTC", variant = "local-and-utc", locale = "en" }: { value: Date; timeZone?: string; variant?: Variant; locale?: string }) {
  const text =
    variant === "local-and-utc"
      ? formatLocalAndUtc(value, timeZone, locale)
      : variant === "local"
        ? formatDateTime(value, timeZone, locale)
        : variant === "date"
          ? formatDate(value, timeZone, locale)
          : formatAge(value, new Date(), locale);
  return (
    <time dateTime={value.toISOString()} title={formatDateTime(value, "UTC", locale)}>
      {text}
    </time>
  );
}
