// Reads the per-host freshness policies. Takes the client as an argument (no `server-only`) so
// the API and the embed on the custom server use it as the pages do.
import type { Db } from "@/lib/db/create";
import { policyLookup, type PolicyLookup, type StoredFreshnessPolicy } from "./freshness";

/** What freshness is computed against: the policies and one "now" for a whole response. */
export interface FreshnessContext {
  policyFor: PolicyLookup;
  /** Hosts with a policy of their own (every other host has the defaults). */
  hostsWithPolicy: readonly string[];
  now: Date;
}

export const storedPolicySelect = {
  hostCode: true,
  closedStaleHours: true,
  limitedStaleHours: true,
  openStaleHours: true,
  inCrisis: true,
} as const;

export function loadStoredPolicies(db: Db): Promise<StoredFreshnessPolicy[]> {
  return db.freshnessPolicy.findMany({ select: storedPolicySelect, orderBy: { hostCode: "asc" } });
}

/** The policies (one small table) with the moment freshness is judged at. */
export async function loadFreshnessContext(db: Db, now: Date = new Date()): Promise<FreshnessContext> {
  const stored = await loadStoredPolicies(db);
  return { policyFor: policyLookup(stored), hostsWithPolicy: stored.map((policy) => policy.hostCode), now };
}
