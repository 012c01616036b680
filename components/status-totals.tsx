import { STATUS_FILTERS, STATUS_LABELS, STATUSES, type StatusCounts } from "@/lib/status/schema";
import { StatusBadge } from "./status-badge";

export function StatusTotals({ counts, label }: { counts: StatusCounts; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {STATUS_FILTERS.map((status) => (
        <li key={status} className="inline-flex items-center gap-1">
          <StatusBadge status={status === "unreported" ? null : status} />
          <span className="font-semibold tabular-nums">{counts[status]}</span>
        </li>
      ))}
    </ul>
  );
}

function breakdown(counts: StatusCounts): string {
  const parts = STATUSES.filter((status) => counts[status] > 0).map((status) => `${STATUS_LABELS[status]} ${counts[status]}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

const sum = (counts: StatusCounts) => STATUSES.reduce((total, status) => total + counts[status], 0);

/** Reported statuses split by whether a source confirmed them within the freshness window. */
export function ConfirmationTotals({ confirmed, unconfirmed }: { confirmed: StatusCounts; unconfirmed: StatusCounts }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-sm">
      <dt className="font-medium">Confirmed recently:</dt>
      <dd data-testid="confirmed-count">{sum(confirmed)}{breakdown(confirmed)}</dd>
      <dt className="font-medium">Not confirmed recently:</dt>
      <dd data-testid="unconfirmed-count">{sum(unconfirmed)}{breakdown(unconfirmed)}</dd>
    </dl>
  );
}
