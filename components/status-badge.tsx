import { STATUS_FILTERS, STATUS_LABELS, statusFilterOf, type StatusFilter } from "@/lib/status/schema";

const ICON_ID_PREFIX = "status-icon-";

/** Distinct shapes, so the status reads without colour: check, half circle, cross, dash. */
const ICON_SHAPES: Record<StatusFilter, React.ReactNode> = {
  open: <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />,
  limited: (
    <>
      <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M8 2.5a5.5 5.5 0 010 11z" fill="currentColor" />
    </>
  ),
  closed: <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />,
  unreported: <path d="M4 8h8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />,
};

/**
 * The status icons, once per page (the root layout renders it): every badge draws its icon with
 * `<use href>` instead of repeating the shapes (decision 035). Not `display: none`, which would
 * hide the symbols from `<use>` in some browsers.
 */
export function StatusIconSprite() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" className="absolute">
      {STATUS_FILTERS.map((status) => (
        <symbol key={status} id={`${ICON_ID_PREFIX}${status}`} viewBox="0 0 16 16">
          {ICON_SHAPES[status]}
        </symbol>
      ))}
    </svg>
  );
}

/** Where a badge's icon comes from in the page's sprite. */
export const statusIconHref = (status: StatusFilter) => `#${ICON_ID_PREFIX}${status}`;

function StatusIcon({ status }: { status: StatusFilter }) {
  return (
    <svg width="14" height="14" aria-hidden="true" focusable="false">
      <use href={statusIconHref(status)} />
    </svg>
  );
}

/** A badge's classes: filled by status, outlined when unconfirmed; shared with the table rows' HTML. */
export function badgeClassName(filter: StatusFilter, size: "md" | "lg", unconfirmed: boolean): string {
  return `badge ${unconfirmed ? "badge-unconfirmed" : `badge-${filter}`}${size === "lg" ? " badge-lg" : ""}`;
}

/** `label` is the status in the reader's language (server callers pass it); English otherwise.
 * `unconfirmed`: outlined, not filled, when no source confirmed the status lately (the words beside it say so). */
export function StatusBadge({ status, size = "md", unconfirmed = false, label }: { status: string | null; size?: "md" | "lg"; unconfirmed?: boolean; label?: string }) {
  const filter = statusFilterOf(status);
  return (
    <span className={badgeClassName(filter, size, unconfirmed)} data-status={filter}>
      <StatusIcon status={filter} />
      {label ?? STATUS_LABELS[filter]}
    </span>
  );
}
