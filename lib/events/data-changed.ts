// The one place every write announces what it changed, after its transaction commits.
// Read caches subscribe here to invalidate exactly what changed.

export interface DataChange {
  missionIds: number[];
  hostCodes: string[];
  sendingCodes: string[];
}

type Listener = (change: DataChange) => void;

// Kept on globalThis: Next bundles route code separately from a custom server, and both must
// share one set of listeners in a process.
const registry = globalThis as unknown as { chanceryDataListeners?: Set<Listener> };
const listeners = (registry.chanceryDataListeners ??= new Set<Listener>());

export function onDataChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Call after a write has committed. */
export async function announceDataChange(change: DataChange): Promise<void> {
  for (const listener of listeners) listener(change);
}
