// The naive model of a history entry's run columns (lib/history/run-columns.ts, decision 039):
// sort the mission's whole history, then for each entry walk back over equal statuses and take
// the latest recordedAt so far. Shared by the property tests that check the stored columns.
interface Entry {
  id: number;
  newStatus: string | null;
  effectiveAt: Date;
  recordedAt: Date;
  runStartedAt: Date | null;
  recordedUpTo: Date | null;
}

const order = (a: Entry, b: Entry) => a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime() || a.id - b.id;

/** Each entry's id with its run columns as stored and as a replay of the history says them. */
export function storedAndReplayedRuns(history: readonly Entry[]) {
  const sorted = [...history].sort(order);
  return sorted.map((entry, index) => {
    let first = index;
    while (first > 0 && sorted[first - 1]!.newStatus === entry.newStatus) first--;
    const recordedUpTo = Math.max(...sorted.slice(0, index + 1).map((earlier) => earlier.recordedAt.getTime()));
    return {
      stored: { id: entry.id, runStartedAt: entry.runStartedAt?.toISOString() ?? null, recordedUpTo: entry.recordedUpTo?.toISOString() ?? null },
      replayed: { id: entry.id, runStartedAt: sorted[first]!.effectiveAt.toISOString(), recordedUpTo: new Date(recordedUpTo).toISOString() },
    };
  });
}
