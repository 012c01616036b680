import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareQueueItems, type Queueable } from "@/lib/verification/queue-order";

const item = (id: number, overrides: Partial<Queueable>): Queueable => ({
  id,
  status: "open",
  inCrisis: false,
  confirmedAtMs: Date.UTC(2024, 10, 20),
  freshness: "stale",
  sendingName: "France",
  city: "Kyiv",
  ...overrides,
});

describe("the verification queue's order", () => {
  it("closed and limited first, then hosts in crisis, then the longest unconfirmed (never confirmed first)", () => {
    const items = [
      item(1, { status: "open", inCrisis: true, confirmedAtMs: 1 }),
      item(2, { status: "closed", confirmedAtMs: 5 }),
      item(3, { status: "limited", inCrisis: true, confirmedAtMs: 9 }),
      item(4, { status: "closed", inCrisis: true, confirmedAtMs: 3 }),
      item(5, { status: "open", confirmedAtMs: 0 }),
      item(6, { status: null, inCrisis: true, confirmedAtMs: null, freshness: "unconfirmed" }),
      item(7, { status: "closed", confirmedAtMs: null, freshness: "unconfirmed" }),
    ];
    expect(items.sort(compareQueueItems).map((entry) => entry.id)).toEqual([4, 3, 7, 2, 6, 1, 5]);
  });

  it("is a total order: antisymmetric and transitive on any items", () => {
    const arb = fc.record({
      id: fc.integer({ min: 1, max: 50 }),
      status: fc.constantFrom("open", "limited", "closed", null),
      inCrisis: fc.boolean(),
      confirmedAtMs: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      freshness: fc.constantFrom("due" as const, "stale" as const, "unconfirmed" as const),
      sendingName: fc.constantFrom("France", "Germany"),
      city: fc.constantFrom("Kyiv", "Lviv"),
    });
    fc.assert(
      fc.property(arb, arb, arb, (a, b, c) => {
        expect(Math.sign(compareQueueItems(a, b))).toBe(-Math.sign(compareQueueItems(b, a)) || 0);
        if (compareQueueItems(a, b) <= 0 && compareQueueItems(b, c) <= 0) expect(compareQueueItems(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});
