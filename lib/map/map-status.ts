// What colour and pattern a sending country takes on a host's status map: the status of its
// mission(s) there, judged the way the table shows them. Pure; shared by the pages and the embed.
import { isConfirmed, type Freshness } from "@/lib/status/freshness";
import type { Status } from "@/lib/status/schema";

/** A confirmed status, "unconfirmed" (no report, or a report no source confirmed lately), or "none" (no mission). */
export const MAP_STATUSES = ["open", "limited", "closed", "unconfirmed", "none"] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];

export interface MapRow {
  sendingCode: string;
  status: Status | null;
  freshness: Freshness | null;
}

// With several missions in the host (an embassy and consulates), the country takes the most
// available confirmed status: a citizen can go to any of them.
const RANK: Record<MapStatus, number> = { open: 0, limited: 1, closed: 2, unconfirmed: 3, none: 4 };

function statusOfRow(row: MapRow): MapStatus {
  if (row.status === null || !isConfirmed(row.freshness)) return "unconfirmed";
  return row.status;
}

/** Sending country code → its map status; countries without a row are "none". */
export function mapStatuses(rows: readonly MapRow[]): Map<string, MapStatus> {
  const statuses = new Map<string, MapStatus>();
  for (const row of rows) {
    const status = statusOfRow(row);
    const previous = statuses.get(row.sendingCode);
    if (!previous || RANK[status] < RANK[previous]) statuses.set(row.sendingCode, status);
  }
  return statuses;
}

export function countByMapStatus(statuses: ReadonlyMap<string, MapStatus>): Record<MapStatus, number> {
  const counts: Record<MapStatus, number> = { open: 0, limited: 0, closed: 0, unconfirmed: 0, none: 0 };
  for (const status of statuses.values()) counts[status]++;
  return counts;
}
