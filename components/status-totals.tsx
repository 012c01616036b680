import { STATUS_FILTERS, STATUS_LABELS, STATUSES, type StatusCounts, type StatusFilter } from "@/lib/status/schema";
import { StatusBadge } from "./status-badge";

/** `statusLabels`: the statuses in the reader's language (server callers pass them); English otherwise. */
export function StatusTotals({ counts, label, statusLabels = STATUS_LABELS }: { counts: StatusCounts; label: string; statusLabels?: Record<StatusFilter, string> }) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {STATUS_FILTERS.map((status) => (
        <li key={status} className="inline-flex items-center gap-1">
          <StatusBadge status={status === "unreported" ? null : status} label={statusLabels[status]} />
          <span className="font-semibold tabular-nums">{counts[status]}</span>
        </li>
      ))}
    </ul>
  );
}

function breakdown(counts: StatusCounts, statusLabels: Record<StatusFilter, string>): string {
  const parts = STATUSES.filter((status) => counts[status] > 0).map((status) => `${statusLabels[status]} ${counts[status]}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

const sum = (counts: StatusCounts) => STATUSES.reduce((total, status) => total + counts[status], 0);

/** Reported statuses split by whether a source confirmed them within the freshness window. */
export function ConfirmationTotals({
  confirmed,
  unconfirmed,
  labels = { confirmed: "Confirmed recently:", unconfirmed: "Not confirmed recently:" },
  statusLabels = STATUS_LABELS,
}: {
  confirmed: StatusCounts;
  unconfirmed: StatusCounts;
  labels?: { confirmed: string; unconfirmed: string };
  statusLabels?: Record<StatusFilter, string>;
}) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-sm">
      <dt className="font-medium">{labels.confirmed}</dt>
      <dd data-testid="confirmed-count">{`${sum(confirmed)}${breakdown(confirmed, statusLabels)}`}</dd>
      <dt className="font-medium">{labels.unconfirmed}</dt>
      <dd data-testid="unconfirmed-count">{`${sum(unconfirmed)}${breakdown(unconfirmed, statusLabels)}`}</dd>
    </dl>
  );
}
