// The verification queue as it travels to the editor's browser (dates as ISO strings). No
// server imports: the client module and the server loader share these types.
import type { Freshness } from "@/lib/status/freshness";

export interface QueueItem {
  id: number;
  slug: string;
  version: number;
  sendingCode: string;
  sendingName: string;
  hostCode: string;
  hostName: string;
  city: string;
  type: string;
  status: string | null;
  statusReason: string | null;
  sourceUrl: string | null;
  sourceTitle: string | null;
  statusSince: string | null;
  verifiedAt: string | null;
  expectedAfter: string | null;
  timeZone: string;
  freshness: Freshness;
  inCrisis: boolean;
  /** The status and its freshness in words, as readers see it. */
  statusText: string;
}

export interface QueueProgress {
  /** Missions in scope confirmed since midnight UTC that are no longer due. */
  checkedToday: number;
  /** checkedToday plus what is still in the queue. */
  total: number;
}

export interface VerificationQueue {
  items: QueueItem[];
  progress: QueueProgress;
  /** When it was computed (freshness is judged at this moment). */
  asOf: string;
}
