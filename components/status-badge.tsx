import { STATUS_LABELS, statusFilterOf, type StatusFilter } from "@/lib/status/schema";

const STYLES: Record<StatusFilter, string> = {
  open: "bg-green-100 text-green-900 ring-green-700/40",
  limited: "bg-amber-100 text-amber-900 ring-amber-700/40",
  closed: "bg-red-100 text-red-900 ring-red-700/40",
  unreported: "bg-slate-100 text-slate-700 ring-slate-500/40",
};

/** Distinct shapes, so the status reads without colour: check, half circle, cross, dash. */
function StatusIcon({ status }: { status: StatusFilter }) {
  const common = { width: 14, height: 14, viewBox: "0 0 16 16", "aria-hidden": true, focusable: false } as const;
  switch (status) {
    case "open":
      return (
        <svg {...common}>
          <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
        </svg>
      );
    case "limited":
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M8 2.5a5.5 5.5 0 010 11z" fill="currentColor" />
        </svg>
      );
    case "closed":
      return (
        <svg {...common}>
          <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
        </svg>
      );
    case "unreported":
      return (
        <svg {...common}>
          <path d="M4 8h8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      );
  }
}

/** Outlined, not filled, when no source confirmed the status lately; the words beside it say so. */
const UNCONFIRMED_STYLE = "border border-dashed border-slate-500 bg-white text-slate-800";

/** `label` is the status in the reader's language (server callers pass it); English otherwise. */
export function StatusBadge({ status, size = "md", unconfirmed = false, label }: { status: string | null; size?: "md" | "lg"; unconfirmed?: boolean; label?: string }) {
  const filter = statusFilterOf(status);
  const sizing = size === "lg" ? "px-3 py-1 text-base" : "px-2 py-0.5 text-sm";
  return (
    <span
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full font-medium ${unconfirmed ? UNCONFIRMED_STYLE : `ring-1 ring-inset ${STYLES[filter]}`} ${sizing}`}
      data-status={filter}
    >
      <StatusIcon status={filter} />
      {label ?? STATUS_LABELS[filter]}
    </span>
  );
}
