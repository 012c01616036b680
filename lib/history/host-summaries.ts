// The home page's per-host counts, from the table as of a moment (the same fields as
// lib/countries/host-summaries.ts gives for today).
import type { HostSummary } from "@/lib/countries/host-summaries";
import { isConfirmed } from "@/lib/status/freshness";
import { emptyStatusCounts, statusFilterOf } from "@/lib/status/schema";
import type { AsOfRow } from "./as-of";

export function summariseHostsAsOf(rows: readonly AsOfRow[]): Array<HostSummary & { cities: { city: string; total: number }[] }> {
  const byHost = new Map<string, HostSummary & { cityTotals: Map<string, number> }>();
  for (const row of rows) {
    let summary = byHost.get(row.hostCode);
    if (!summary) {
      summary = { code: row.hostCode, name: row.hostName, missions: 0, counts: emptyStatusCounts(), confirmed: emptyStatusCounts(), unconfirmed: emptyStatusCounts(), cityTotals: new Map() };
      byHost.set(row.hostCode, summary);
    }
    const status = statusFilterOf(row.status);
    summary.missions++;
    summary.counts[status]++;
    if (status !== "unreported") (isConfirmed(row.freshness) ? summary.confirmed : summary.unconfirmed)[status]++;
    summary.cityTotals.set(row.city, (summary.cityTotals.get(row.city) ?? 0) + 1);
  }
  return [...byHost.values()]
    .map(({ cityTotals, ...summary }) => ({
      ...summary,
      cities: [...cityTotals.entries()].map(([city, total]) => ({ city, total })).sort((a, b) => b.total - a.total || a.city.localeCompare(b.city)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "en") || a.code.localeCompare(b.code));
}
