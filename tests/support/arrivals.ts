// Things a test server receives (mails, webhooks), with a wait that resolves on the arrival
// itself rather than by polling.
export class Arrivals<T> {
  readonly items: T[] = [];
  #waiters: Array<() => void> = [];

  push(item: T) {
    this.items.push(item);
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** Resolves once at least `count` items arrived; fails after `timeoutMs` naming what is missing. */
  async waitFor(count: number, timeoutMs: number, what: string): Promise<T[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.items.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Expected ${count} ${what}, got ${this.items.length}`);
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        timer = setTimeout(resolve, left);
      });
      clearTimeout(timer);
    }
    return this.items;
  }
}
