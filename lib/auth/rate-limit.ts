// A fixed-window counter in memory. One process serves the admin, so this is enough; several
// instances would each allow the limit (documented in docs/decisions).
export interface LimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Whether another attempt is allowed now (does not count one). */
  check(key: string, now = Date.now()): LimitResult {
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now || window.count < this.limit) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.ceil((window.resetAt - now) / 1000) };
  }

  hit(key: string, now = Date.now()): void {
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
      if (this.windows.size > 10_000) this.sweep(now);
      return;
    }
    window.count++;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

const WINDOW_MS = 15 * 60 * 1000;

export interface LoginLimiters {
  perAccount: RateLimiter;
  perIp: RateLimiter;
}

export function createLoginLimiters(): LoginLimiters {
  return {
    // Failed attempts per email; a success clears it.
    perAccount: new RateLimiter(5, WINDOW_MS),
    // Every attempt per client address.
    perIp: new RateLimiter(Number(process.env.LOGIN_IP_LIMIT ?? 30), WINDOW_MS),
  };
}

const registry = globalThis as unknown as { chanceryLoginLimiters?: LoginLimiters };
export function loginLimiters(): LoginLimiters {
  return (registry.chanceryLoginLimiters ??= createLoginLimiters());
}
