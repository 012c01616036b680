import { describe, expect, it } from "vitest";
import { describeChange, describeStatus, type StatusFacts } from "@/lib/status/wording";

const NOW = new Date("2024-11-20T15:00:00Z"); // 17:00 in Kyiv
const facts = (overrides: Partial<StatusFacts>): StatusFacts => ({
  status: "closed",
  statusSince: new Date("2024-11-20T07:00:00Z"),
  statusUntil: null,
  statusFollows: null,
  expectedAfter: null,
  verifiedAt: new Date("2024-11-20T07:00:00Z"),
  timeZone: "Europe/Kyiv",
  freshness: "fresh",
  ...overrides,
});

describe("describeStatus", () => {
  it("a fresh closure until this evening", () => {
    const wording = describeStatus(facts({ statusUntil: new Date("2024-11-20T16:00:00Z"), statusFollows: "open" }), NOW);
    expect(wording.headline).toBe("Closed until 18:00 EET (16:00 UTC)");
    expect(wording.freshness).toBe("confirmed at 09:00 EET (07:00 UTC)");
    expect(wording.follows).toBe("then Open, expected (not confirmed)");
    expect(wording.text).toBe("Closed until 18:00 EET (16:00 UTC) · confirmed at 09:00 EET (07:00 UTC)");
  });

  it("an end on another day carries its date", () => {
    const wording = describeStatus(facts({ statusUntil: new Date("2024-12-26T16:00:00Z"), statusFollows: "unreported" }), NOW);
    expect(wording.headline).toBe("Closed until 26 Dec 2024, 18:00 EET (16:00 UTC)");
    expect(wording.follows).toBe("then no status until a source reports one");
  });

  it("a stale status names the day it was last confirmed", () => {
    const wording = describeStatus(facts({ freshness: "stale" }), new Date("2026-12-01T10:00:00Z"));
    expect(wording.text).toBe("Closed · not confirmed since 20 Nov 2024");
    expect(describeStatus(facts({ freshness: "stale" }), new Date("2024-11-21T10:00:00Z")).freshness).toBe("not confirmed since 20 Nov 2024, 09:00 EET (07:00 UTC)");
  });

  it("a due status is still confirmed, with a note for editors", () => {
    expect(describeStatus(facts({ freshness: "due" }), new Date("2024-11-21T03:00:00Z")).freshness).toBe("last confirmed 20 Nov 2024, 09:00 EET (07:00 UTC), due for a new check");
  });

  it("an expected status says what ended and that no source confirmed it", () => {
    const wording = describeStatus(
      facts({ status: "open", statusSince: new Date("2024-11-20T16:00:00Z"), verifiedAt: null, expectedAfter: "closed", freshness: "unconfirmed" }),
      new Date("2024-11-20T17:00:00Z"),
    );
    expect(wording.text).toBe("Open · expected after the closure ended at 18:00 EET (16:00 UTC), not confirmed");
    const nothing = describeStatus(
      facts({ status: null, statusSince: new Date("2024-11-20T16:00:00Z"), verifiedAt: null, expectedAfter: "limited", freshness: "unconfirmed" }),
      new Date("2024-11-22T08:00:00Z"),
    );
    expect(nothing.text).toBe("Not reported · the limited service ended 20 Nov 2024, 18:00 EET (16:00 UTC); no source has reported since");
  });

  it("never-verified and unreported missions", () => {
    expect(describeStatus(facts({ verifiedAt: null, freshness: "unconfirmed" }), NOW).text).toBe("Closed · not confirmed by a source");
    const unreported = describeStatus(facts({ status: null, statusSince: null, verifiedAt: null, freshness: null }), NOW);
    expect(unreported).toMatchObject({ headline: "Not reported", freshness: null, text: "Not reported" });
  });

  it("shows UTC alone for a mission in UTC", () => {
    expect(describeStatus(facts({ timeZone: "UTC", statusUntil: new Date("2024-11-20T16:00:00Z") }), NOW).headline).toBe("Closed until 16:00 UTC");
  });
});

describe("describeChange", () => {
  it("names each kind of history entry", () => {
    expect(describeChange({ kind: "change", previousStatus: "open", newStatus: "closed" })).toBe("changed to Closed");
    expect(describeChange({ kind: "change", previousStatus: null, newStatus: "open" })).toBe("first reported Open");
    expect(describeChange({ kind: "verify", previousStatus: "closed", newStatus: "closed" })).toBe("confirmed Closed");
    expect(describeChange({ kind: "expiry", previousStatus: "closed", newStatus: "open" })).toBe("the closure ended; Open expected, not confirmed");
    expect(describeChange({ kind: "expiry", previousStatus: "closed", newStatus: "unreported" })).toBe("the closure ended; no status reported since");
    expect(describeChange({ kind: "expiry", previousStatus: "limited", newStatus: null })).toBe("the limited service ended; no status reported since");
    expect(describeChange({ kind: "scheduled", previousStatus: "open", newStatus: "closed" })).toBe("changed to Closed as scheduled");
  });
});
