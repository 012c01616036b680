import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_POLICY,
  FRESHNESS,
  freshnessOf,
  isConfirmed,
  MAX_STALE_HOURS,
  MIN_STALE_HOURS,
  needsCheck,
  policyLookup,
  resolvePolicy,
  staleCutoff,
  type Freshness,
  type FreshnessPolicy,
} from "@/lib/status/freshness";
import { STATUSES } from "@/lib/status/schema";

const HOUR = 3600_000;
const VERIFIED = new Date("2024-11-20T07:00:00Z");
const after = (hours: number) => new Date(VERIFIED.getTime() + hours * HOUR);
const closed = { status: "closed", verifiedAt: VERIFIED, expectedAfter: null };

const RANK: Record<Freshness, number> = { fresh: 0, due: 1, stale: 2, unconfirmed: 3 };

const policyArb: fc.Arbitrary<FreshnessPolicy> = fc.record({
  staleHours: fc.record({
    open: fc.integer({ min: MIN_STALE_HOURS, max: MAX_STALE_HOURS }),
    limited: fc.integer({ min: MIN_STALE_HOURS, max: MAX_STALE_HOURS }),
    closed: fc.integer({ min: MIN_STALE_HOURS, max: MAX_STALE_HOURS }),
  }),
  inCrisis: fc.boolean(),
});
const statusArb = fc.constantFrom(...STATUSES);
const instantArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(ms));

describe("freshnessOf", () => {
  it("uses the defaults: closed and limited stale after 24 h, open after 30 days, due from 75 %", () => {
    expect(freshnessOf(closed, DEFAULT_POLICY, after(17.9))).toBe("fresh");
    expect(freshnessOf(closed, DEFAULT_POLICY, after(18))).toBe("due");
    expect(freshnessOf(closed, DEFAULT_POLICY, after(23.9))).toBe("due");
    expect(freshnessOf(closed, DEFAULT_POLICY, after(24))).toBe("stale");
    const limited = { ...closed, status: "limited" };
    expect(freshnessOf(limited, DEFAULT_POLICY, after(24))).toBe("stale");
    const open = { ...closed, status: "open" };
    expect(freshnessOf(open, DEFAULT_POLICY, after(24))).toBe("fresh");
    expect(freshnessOf(open, DEFAULT_POLICY, after(22.5 * 24))).toBe("due");
    expect(freshnessOf(open, DEFAULT_POLICY, after(30 * 24))).toBe("stale");
  });

  it("says the seeded statuses of 20 Nov 2024 are stale two years later", () => {
    for (const status of STATUSES) {
      expect(freshnessOf({ status, verifiedAt: VERIFIED, expectedAfter: null }, DEFAULT_POLICY, new Date("2026-12-01T00:00:00Z"))).toBe("stale");
    }
  });

  it("is unconfirmed without a verification, whatever the age; null for a mission never reported", () => {
    expect(freshnessOf({ status: "open", verifiedAt: null, expectedAfter: "closed" }, DEFAULT_POLICY, VERIFIED)).toBe("unconfirmed");
    expect(freshnessOf({ status: "open", verifiedAt: null, expectedAfter: null }, DEFAULT_POLICY, VERIFIED)).toBe("unconfirmed");
    expect(freshnessOf({ status: null, verifiedAt: null, expectedAfter: "closed" }, DEFAULT_POLICY, VERIFIED)).toBe("unconfirmed");
    expect(freshnessOf({ status: null, verifiedAt: null, expectedAfter: null }, DEFAULT_POLICY, VERIFIED)).toBeNull();
  });

  it("follows a host's policy, with missing hours falling back to the defaults", () => {
    const ukraine = resolvePolicy({ hostCode: "UA", closedStaleHours: 12, limitedStaleHours: null, openStaleHours: 48, inCrisis: true });
    expect(ukraine).toEqual({ staleHours: { closed: 12, limited: 24, open: 48 }, inCrisis: true });
    expect(freshnessOf(closed, ukraine, after(12))).toBe("stale");
    const lookup = policyLookup([{ hostCode: "UA", closedStaleHours: 12, limitedStaleHours: null, openStaleHours: null, inCrisis: false }]);
    expect(lookup("UA").staleHours.closed).toBe(12);
    expect(lookup("PL")).toBe(DEFAULT_POLICY);
  });

  it("is monotone in time: fresh → due → stale, never back without a new verification", () => {
    fc.assert(
      fc.property(statusArb, policyArb, instantArb, fc.array(fc.integer({ min: -1000 * HOUR, max: 20_000 * HOUR }), { minLength: 2, maxLength: 20 }), (status, policy, verifiedAt, offsets) => {
        const input = { status, verifiedAt, expectedAfter: null };
        const ranks = offsets
          .sort((a, b) => a - b)
          .map((offset) => RANK[freshnessOf(input, policy, new Date(verifiedAt.getTime() + offset))!]);
        for (let i = 1; i < ranks.length; i++) expect(ranks[i]).toBeGreaterThanOrEqual(ranks[i - 1]!);
        expect(ranks.every((rank) => rank <= RANK.stale)).toBe(true);
      }),
    );
  });

  it("a later verification is never less fresh, and a shorter window never more fresh", () => {
    fc.assert(
      fc.property(statusArb, policyArb, instantArb, instantArb, instantArb, fc.integer({ min: 0, max: 1000 }), (status, policy, first, second, now, shorten) => {
        const [earlier, later] = first <= second ? [first, second] : [second, first];
        const of = (verifiedAt: Date, p = policy) => RANK[freshnessOf({ status, verifiedAt, expectedAfter: null }, p, now)!];
        expect(of(later)).toBeLessThanOrEqual(of(earlier));
        const shorter = { ...policy, staleHours: { ...policy.staleHours, [status]: Math.max(MIN_STALE_HOURS, policy.staleHours[status] - shorten) } };
        expect(of(earlier, shorter)).toBeGreaterThanOrEqual(of(earlier));
      }),
    );
  });

  it("agrees with the cutoff the database counts use: confirmed exactly when verified after it", () => {
    fc.assert(
      fc.property(statusArb, policyArb, instantArb, fc.integer({ min: -100 * HOUR, max: 10_000 * HOUR }), (status, policy, now, age) => {
        const verifiedAt = new Date(now.getTime() - age);
        const freshness = freshnessOf({ status, verifiedAt, expectedAfter: null }, policy, now);
        expect(isConfirmed(freshness)).toBe(verifiedAt > staleCutoff(status, policy, now));
      }),
    );
  });

  it("queues exactly what is not fresh", () => {
    for (const state of FRESHNESS) expect(needsCheck(state)).toBe(state !== "fresh");
    expect(needsCheck(null)).toBe(false);
    expect(isConfirmed(null)).toBe(false);
  });
});
