// This process's subscribers to data changes, below both the announcer (data-changed.ts) and
// the PostgreSQL relay (pg-channel.ts), which each tell them.
import crypto from "node:crypto";

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
