// The one definition of freshness: whether a source confirmed a status recently enough, by a
// per-host policy. Pure, with the clock passed in, so every view and test agrees on it.
// See docs/decisions/012-freshness.md.
import { z } from "zod";
import { StatusSchema, type Status } from "./schema";

/**
 * fresh: confirmed within the first DUE_FRACTION of the window; due: still confirmed, but
 * past that point (editors should check it soon); stale: the window has passed; unconfirmed:
 * no source ever confirmed the status as it stands (the schedule applied it after an
 * earlier one ended, or it was never verified).
 */
export const FRESHNESS = ["fresh", "due", "stale", "unconfirmed"] as const;
export const FreshnessSchema = z.enum(FRESHNESS);
export type Freshness = z.infer<typeof FreshnessSchema>;

/** Hours after the last confirmation at which a status turns stale, unless a host says otherwise. */
export const DEFAULT_STALE_HOURS: Record<Status, number> = { closed: 24, limited: 24, open: 30 * 24 };
/** Share of the window after which a still-confirmed status is due for a check. */
export const DUE_FRACTION = 0.75;
/** Bounds an admin may set: one hour to one year. */
export const MIN_STALE_HOURS = 1;
export const MAX_STALE_HOURS = 365 * 24;

export interface FreshnessPolicy {
  staleHours: Record<Status, number>;
  inCrisis: boolean;
}

/** A FreshnessPolicy row as stored: a missing number means the default. */
export interface StoredFreshnessPolicy {
  hostCode: string;
  closedStaleHours: number | null;
  limitedStaleHours: number | null;
  openStaleHours: number | null;
  inCrisis: boolean;
}

export const DEFAULT_POLICY: FreshnessPolicy = { staleHours: DEFAULT_STALE_HOURS, inCrisis: false };

export function resolvePolicy(stored: StoredFreshnessPolicy | null | undefined): FreshnessPolicy {
  if (!stored) return DEFAULT_POLICY;
  return {
    staleHours: {
      closed: stored.closedStaleHours ?? DEFAULT_STALE_HOURS.closed,
      limited: stored.limitedStaleHours ?? DEFAULT_STALE_HOURS.limited,
      open: stored.openStaleHours ?? DEFAULT_STALE_HOURS.open,
    },
    inCrisis: stored.inCrisis,
  };
}

export type PolicyLookup = (hostCode: string) => FreshnessPolicy;

/** Stored rows → a lookup by host code (hosts without a row get the defaults). */
export function policyLookup(rows: readonly StoredFreshnessPolicy[]): PolicyLookup {
  const byHost = new Map(rows.map((row) => [row.hostCode, resolvePolicy(row)]));
  return (hostCode) => byHost.get(hostCode) ?? DEFAULT_POLICY;
}

const HOUR_MS = 3600_000;

/**
 * A status verified at or before this moment is stale now; after it, still confirmed. The
 * database counts (lib/countries/host-summaries.ts) use the same boundary.
 */
export function staleCutoff(status: Status, policy: FreshnessPolicy, now: Date): Date {
  return new Date(now.getTime() - policy.staleHours[status] * HOUR_MS);
}

/** When a status verified at `verifiedAt` becomes due, and when stale. */
export function freshnessMoments(status: Status, verifiedAt: Date, policy: FreshnessPolicy): { dueAt: Date; staleAt: Date } {
  const windowMs = policy.staleHours[status] * HOUR_MS;
  return { dueAt: new Date(verifiedAt.getTime() + windowMs * DUE_FRACTION), staleAt: new Date(verifiedAt.getTime() + windowMs) };
}

export interface FreshnessInput {
  status: string | null;
  verifiedAt: Date | null;
  /** Set when the schedule applied the status after the named one ended, and no source confirmed it. */
  expectedAfter: string | null;
}

/** The freshness of a mission's current status; null when there is none and nothing ended. */
export function freshnessOf(input: FreshnessInput, policy: FreshnessPolicy, now: Date): Freshness | null {
  const status = StatusSchema.safeParse(input.status);
  if (!status.success) return input.expectedAfter ? "unconfirmed" : null;
  // verifiedAt is what a source confirmed; expectedAfter only explains why it is missing.
  if (!input.verifiedAt) return "unconfirmed";
  const { dueAt, staleAt } = freshnessMoments(status.data, input.verifiedAt, policy);
  if (now >= staleAt) return "stale";
  if (now >= dueAt) return "due";
  return "fresh";
}

/** Confirmed by a source within the window: what the "confirmed only" filter keeps. */
export function isConfirmed(freshness: Freshness | null): boolean {
  return freshness === "fresh" || freshness === "due";
}

/** What the verification queue lists. */
export function needsCheck(freshness: Freshness | null): boolean {
  return freshness === "due" || freshness === "stale" || freshness === "unconfirmed";
}
