// The order of the verification queue: closed and limited statuses first (a wrong "closed" or
// "limited" sends people away, or into danger), then host countries marked in crisis, then the
// longest unconfirmed (never confirmed first). Pure, unit-tested.
import type { Freshness } from "@/lib/status/freshness";

export interface Queueable {
  id: number;
  status: string | null;
  inCrisis: boolean;
  /** Time of the last confirmation in ms; null when no source confirmed the status. */
  confirmedAtMs: number | null;
  freshness: Freshness;
  sendingName: string;
  city: string;
}

const statusGroup = (status: string | null) => (status === "closed" || status === "limited" ? 0 : 1);

export function compareQueueItems(a: Queueable, b: Queueable): number {
  return (
    statusGroup(a.status) - statusGroup(b.status) ||
    Number(b.inCrisis) - Number(a.inCrisis) ||
    (a.confirmedAtMs ?? -Infinity) - (b.confirmedAtMs ?? -Infinity) ||
    a.sendingName.localeCompare(b.sendingName, "en") ||
    a.city.localeCompare(b.city, "en") ||
    a.id - b.id
  );
}
