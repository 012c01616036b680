// How many renders the front asks of the renderer at once (decision 050). The renderer is one
// busy process: more concurrent renders only lengthen each, so at most `concurrency` run and the
// rest wait, refreshes of entries still being served before new misses (a refresh keeps many
// readers answered; a miss, one). Past `maxWaiting`, a miss is refused at once (503 +
// Retry-After) rather than queued behind minutes of work; a refresh is simply dropped.
import type { ProductionKind } from "@/lib/http/response-cache";

export const RENDER_CONCURRENCY = 4;
export const MAX_WAITING = 256;
export const RETRY_AFTER_SECONDS = 2;

export class AdmissionRefused extends Error {
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS;
  constructor() {
    super("Too many renders are waiting");
    this.name = "AdmissionRefused";
  }
}

interface Waiting {
  start: () => void;
}

export class Admission {
  private running = 0;
  private readonly refreshes: Waiting[] = [];
  private readonly misses: Waiting[] = [];

  constructor(
    private readonly concurrency = RENDER_CONCURRENCY,
    private readonly maxWaiting = MAX_WAITING,
  ) {}

  get active(): number {
    return this.running;
  }

  get waiting(): number {
    return this.refreshes.length + this.misses.length;
  }

  /** Runs `task` when a slot is free; rejects with AdmissionRefused when too many wait. */
  run<T>(kind: ProductionKind, task: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) return this.begin(task);
    if (this.waiting >= this.maxWaiting) return Promise.reject(new AdmissionRefused());
    return new Promise<T>((resolve, reject) => {
      const start = () => void this.begin(task).then(resolve, reject);
      (kind === "refresh" ? this.refreshes : this.misses).push({ start });
    });
  }

  private begin<T>(task: () => Promise<T>): Promise<T> {
    this.running++;
    const done = () => {
      this.running--;
      (this.refreshes.shift() ?? this.misses.shift())?.start();
    };
    let result: Promise<T>;
    try {
      result = task();
    } catch (error) {
      result = Promise.reject(error);
    }
    return result.finally(done);
  }
}
