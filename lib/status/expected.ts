// Words for statuses the schedule applied: what follows a status that ended by itself is
// expected, never presented as confirmed. Shared by every view that shows a status.
import { formatDateTime } from "@/lib/time";
import { STATUS_LABELS, statusFilterOf } from "./schema";

/** "the closure", "the limited service": a status as something that ends. */
function periodOf(status: string | null): string {
  switch (statusFilterOf(status)) {
    case "closed":
      return "the closure";
    case "limited":
      return "the limited service";
    case "open":
      return "the opening";
    case "unreported":
      return "the report";
  }
}

export interface ExpectedStatus {
  status: string | null;
  /** The status that ended; non-null means no source has confirmed the current one since. */
  expectedAfter: string | null;
  /** When the current status began, i.e. when the earlier one ended. */
  statusSince: Date | null;
  timeZone: string;
}

/** "expected, not confirmed" — the short form for tables and badges. */
export const EXPECTED_SHORT = "expected, not confirmed";

export function isExpected(mission: Pick<ExpectedStatus, "expectedAfter">): boolean {
  return mission.expectedAfter !== null;
}

/** "expected after the closure ended at 20 Nov 2024, 24:00 EET, not confirmed", or null. */
export function expectedNote(mission: ExpectedStatus): string | null {
  if (!mission.expectedAfter) return null;
  const when = mission.statusSince ? ` at ${formatDateTime(mission.statusSince, mission.timeZone)}` : "";
  return `expected after ${periodOf(mission.expectedAfter)} ended${when}, not confirmed`;
}

/** What a history entry's kind adds to its statuses, for timelines and feeds. */
export function historyKindNote(kind: string): string | null {
  if (kind === "expiry") return `ended as reported, by the schedule; ${EXPECTED_SHORT}`;
  if (kind === "scheduled") return "scheduled change, applied at its time";
  return null;
}

/** "then open", "then the previous status", "then not reported": what follows an end. */
export function followsPhrase(follows: string | null): string {
  if (!follows || follows === "previous") return "then the previous status";
  const status = statusFilterOf(follows);
  return status === "unreported" ? "then not reported" : `then ${STATUS_LABELS[status].toLowerCase()}`;
}

/** The reason written on the history entry that ends a status by itself. */
export function expiryReason(ended: string, follows: string): string {
  const next = statusFilterOf(follows) === "unreported" ? "no status is reported" : `${STATUS_LABELS[statusFilterOf(follows)]} is expected`;
  return `${periodOf(ended).replace(/^t/, "T")} ended as reported; ${next}, not confirmed by a source.`;
}
