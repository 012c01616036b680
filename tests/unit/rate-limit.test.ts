import { describe, expect, it } from "vitest";
import { RateLimiter } from "@/lib/auth/rate-limit";

describe("RateLimiter", () => {
  it("allows the limit, then refuses with the seconds until the window ends", () => {
    const limiter = new RateLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(limiter.check("k", 1_000).allowed).toBe(true);
      limiter.hit("k", 1_000);
    }
    expect(limiter.check("k", 1_000)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.check("k", 31_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.check("other", 1_000).allowed).toBe(true);
    expect(limiter.check("k", 61_000).allowed).toBe(true);
  });

  it("forgets a key on reset", () => {
    const limiter = new RateLimiter(1, 60_000);
    limiter.hit("k");
    expect(limiter.check("k").allowed).toBe(false);
    limiter.reset("k");
    expect(limiter.check("k").allowed).toBe(true);
  });
});
