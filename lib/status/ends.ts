// Words for the end of a reported status as an editor chose it ("until 18:00, then the
// previous status") and for the entry the schedule writes when it ends.
import { STATUS_LABELS, statusFilterOf } from "./schema";
import { capitalised, endedNoun } from "./wording";

/** "then open", "then the previous status", "then not reported": a follows choice. */
export function followsPhrase(follows: string | null): string {
  if (!follows || follows === "previous") return "then the previous status";
  const status = statusFilterOf(follows);
  return status === "unreported" ? "then not reported" : `then ${STATUS_LABELS[status].toLowerCase()}`;
}

/** The reason written on the history entry that ends a status by itself. */
export function expiryReason(ended: string, follows: string): string {
  const next = statusFilterOf(follows) === "unreported" ? "no status is reported" : `${STATUS_LABELS[statusFilterOf(follows)]} is expected`;
  return `${capitalised(endedNoun(ended))} ended as reported; ${next}, not confirmed by a source.`;
}
