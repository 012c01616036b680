import { z } from "zod";

export const STATUSES = ["open", "limited", "closed"] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

/** A filter value: a reported status, or missions with no report yet. */
export const STATUS_FILTERS = [...STATUSES, "unreported"] as const;
export const StatusFilterSchema = z.enum(STATUS_FILTERS);
export type StatusFilter = z.infer<typeof StatusFilterSchema>;

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
