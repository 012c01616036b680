import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listFreshnessPolicies } from "@/lib/status/freshness-policy-commands";
import { DEFAULT_STALE_HOURS, DUE_FRACTION } from "@/lib/status/freshness";
import { FreshnessPolicies } from "./freshness-policies";

export const metadata: Metadata = { title: "Freshness" };

export default async function FreshnessPage() {
  await requireUser("admin");
  const policies = await listFreshnessPolicies(getDb());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Freshness</h1>
      <p className="max-w-3xl text-slate-700">
        A status counts as confirmed for a number of hours after a source last confirmed it; after that, every view says
        “not confirmed since …”. The defaults are {DEFAULT_STALE_HOURS.closed} h for closed and {DEFAULT_STALE_HOURS.limited} h for
        limited missions, and {DEFAULT_STALE_HOURS.open / 24} days for open ones. From {Math.round(DUE_FRACTION * 100)} % of that
        time a status is due: it enters the verification queue. During a crisis, shorten the times and mark the country: its
        missions come first in the queue.
      </p>
      <FreshnessPolicies initialPolicies={policies} />
    </div>
  );
}
