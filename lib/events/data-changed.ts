// The one place every write announces what it changed, after its transaction commits.
// Read caches subscribe here to invalidate exactly what changed. On PostgreSQL the
// announcement also goes out with pg_notify, so other app instances drop their copies too.
import crypto from "node:crypto";
import { env } from "@/lib/env";

export interface DataChange {
  missionIds: number[];
  hostCodes: string[];
  sendingCodes: string[];
  /** Set when the precise scope is unknown (e.g. notifications may have been missed). */
  everything?: boolean;
}

type Listener = (change: DataChange) => void;

// Kept on globalThis: Next bundles route code separately from a custom server, and both must
// share one set of listeners in a process.
const registry = globalThis as unknown as { chanceryDataListeners?: Set<Listener>; chanceryInstanceId?: string };
const listeners = (registry.chanceryDataListeners ??= new Set<Listener>());

/** Identifies this process in cross-instance notifications. */
export const INSTANCE_ID = (registry.chanceryInstanceId ??= crypto.randomUUID());

export function onDataChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells this process's listeners only (used for notifications from other instances). */
export function dispatchDataChangeLocally(change: DataChange): void {
  for (const listener of listeners) listener(change);
}

/** Call after a write has committed. */
export async function announceDataChange(change: DataChange): Promise<void> {
  dispatchDataChangeLocally(change);
  const { DATABASE_URL: url, databaseProvider } = env();
  if (databaseProvider === "postgres") {
    // The write has committed: a failed notification must not turn it into an error. Other
    // instances then catch up through their caches' 1 s expiry.
    try {
      const { notifyDataChange } = await import("./pg-channel");
      await notifyDataChange(url, change);
    } catch (error) {
      console.error("Could not notify other instances of a data change:", error);
    }
  }
}
