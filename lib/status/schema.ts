import { z } from "zod";

export const STATUSES = ["open", "limited", "closed"] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

/** A filter value: a reported status, or missions with no report yet. */
export const STATUS_FILTERS = [...STATUSES, "unreported"] as const;
export const StatusFilterSchema = z.enum(STATUS_FILTERS);
export type StatusFilter = z.infer<typeof StatusFilterSchema>;

/**
 * What applies when a reported status ends by itself ("closed until 18:00"): the status before
 * it (the default), another status, or no report at all.
 */
export const FOLLOWS = ["previous", ...STATUSES, "unreported"] as const;
export const FollowsSchema = z.enum(FOLLOWS, { error: `must be one of ${FOLLOWS.join(", ")}` });
export type Follows = z.infer<typeof FollowsSchema>;

/** A history entry's status: a reported one, or "unreported" after a report ended into none. */
export type HistoryStatus = StatusFilter;

export const STATUS_LABELS: Record<StatusFilter, string> = {
  open: "Open",
  limited: "Limited",
  closed: "Closed",
  unreported: "Not reported",
};

export function statusFilterOf(status: string | null): StatusFilter {
  const parsed = StatusSchema.safeParse(status);
  return parsed.success ? parsed.data : "unreported";
}

export type StatusCounts = Record<StatusFilter, number>;

export function emptyStatusCounts(): StatusCounts {
  return { open: 0, limited: 0, closed: 0, unreported: 0 };
}
