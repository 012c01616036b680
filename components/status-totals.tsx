import { STATUS_FILTERS, type StatusCounts } from "@/lib/status/schema";
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
