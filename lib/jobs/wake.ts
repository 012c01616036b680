// Writers wake the job worker of their process right after committing work that is due soon,
// so a due change shows within milliseconds instead of at the next poll. Kept on globalThis:
// Next's route bundles and the custom server that runs the worker share one process.
type Waker = (at: Date) => void;

const registry = globalThis as unknown as { chanceryJobWakers?: Set<Waker> };
const wakers = (registry.chanceryJobWakers ??= new Set<Waker>());

export function onJobEnqueued(waker: Waker): () => void {
  wakers.add(waker);
  return () => wakers.delete(waker);
}

/** Call after commit with the time the new work is due. */
export function wakeJobWorker(at: Date): void {
  for (const waker of wakers) waker(at);
}
