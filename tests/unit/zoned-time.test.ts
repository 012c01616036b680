import { describe, expect, it } from "vitest";
import { instantToWallTime, wallTimeToInstant } from "@/lib/zoned-time";

describe("zoned wall times", () => {
  it("converts a Kyiv wall time to UTC and back, in winter and summer", () => {
    expect(wallTimeToInstant("2024-11-20T09:00", "Europe/Kyiv")?.toISOString()).toBe("2024-11-20T07:00:00.000Z");
    expect(wallTimeToInstant("2024-07-01T09:00", "Europe/Kyiv")?.toISOString()).toBe("2024-07-01T06:00:00.000Z");
    expect(instantToWallTime(new Date("2024-11-20T07:00:00Z"), "Europe/Kyiv")).toBe("2024-11-20T09:00");
    expect(wallTimeToInstant("2024-11-20T09:00", "America/New_York")?.toISOString()).toBe("2024-11-20T14:00:00.000Z");
  });

  it("keeps seconds, for an end a few seconds ahead", () => {
    expect(wallTimeToInstant("2024-11-20T18:00:05", "Europe/Kyiv")?.toISOString()).toBe("2024-11-20T16:00:05.000Z");
  });

  it("refuses malformed values", () => {
    expect(wallTimeToInstant("20.11.2024 09:00", "UTC")).toBeUndefined();
  });
});
