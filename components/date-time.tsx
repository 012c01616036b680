import { formatAge, formatDate, formatDateTime, formatLocalAndUtc } from "@/lib/time";

type Variant = "local-and-utc" | "local" | "date" | "age";

/** A machine-readable <time> with a human rendering; the title always gives UTC. */
export function DateTime({ value, timeZone = "UTC", variant = "local-and-utc" }: { value: Date; timeZone?: string; variant?: Variant }) {
  const text =
    variant === "local-and-utc"
      ? formatLocalAndUtc(value, timeZone)
      : variant === "local"
        ? formatDateTime(value, timeZone)
        : variant === "date"
          ? formatDate(value, timeZone)
          : formatAge(value);
  return (
    <time dateTime={value.toISOString()} title={formatDateTime(value, "UTC")}>
      {text}
    </time>
  );
}
