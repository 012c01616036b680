import fs from "node:fs";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { mapStatuses, type MapRow } from "@/lib/map/map-status";
import { statusMapSvg } from "@/lib/map/render-map";
import { StatusSchema } from "@/lib/status/schema";

// Kyiv's seeded report (prisma/seed-data), as if every status were confirmed today.
const report = z
  .object({ statuses: z.array(z.object({ sending: z.string(), status: StatusSchema })) })
  .parse(JSON.parse(fs.readFileSync("prisma/seed-data/kyiv-2024-11-20.json", "utf8")));
const seeded: MapRow[] = report.statuses.map((entry) => ({ sendingCode: entry.sending, status: entry.status, freshness: "fresh" }));
const unreported: MapRow[] = ["PL", "JP", "BR"].map((code) => ({ sendingCode: code, status: null, freshness: null }));

function shapes(svg: string): Map<string, string> {
  const found = [...svg.matchAll(/<path class="m-(\w+)" data-code="(\w+)"/g)].map((match) => [match[2]!, match[1]!] as const);
  expect(new Set(found.map(([code]) => code)).size, "one shape per country").toBe(found.length);
  return new Map(found);
}

describe("the status map", () => {
  it("draws each sending country once, in the class of its status, and the host apart", () => {
    const statuses = mapStatuses([...seeded, ...unreported]);
    const { svg, missing } = statusMapSvg({ hostCode: "UA", statuses, title: "Kyiv" });
    expect(missing).toEqual([]);
    expect(Object.fromEntries(shapes(svg))).toEqual({
      US: "closed",
      IT: "closed",
      ES: "closed",
      GR: "closed",
      DE: "limited",
      GB: "open",
      PL: "unconfirmed",
      JP: "unconfirmed",
      BR: "unconfirmed",
      UA: "host",
    });
    expect(svg).toContain('role="img" aria-label="Kyiv"');
  });

  it("gives a country the most available status of its missions, and a stale one none", () => {
    const statuses = mapStatuses([
      { sendingCode: "DE", status: "closed", freshness: "fresh" },
      { sendingCode: "DE", status: "open", freshness: "due" },
      { sendingCode: "FR", status: "open", freshness: "stale" },
      { sendingCode: "FR", status: "closed", freshness: "fresh" },
      { sendingCode: "IT", status: "open", freshness: "unconfirmed" },
    ]);
    expect(Object.fromEntries(statuses)).toEqual({ DE: "open", FR: "closed", IT: "unconfirmed" });
  });

  it("names the senders it cannot draw, and stays small enough for a 50 KB page", () => {
    const many = new Map(["DE", "FR", "US", "GB", "PL", "ES", "IT", "JP", "CN", "BR", "CA", "AU", "IN", "TR", "XM", "VA", "MT", "SG"].map((code) => [code, "open" as const]));
    const { svg, missing } = statusMapSvg({ hostCode: "UA", statuses: many, title: "x" });
    expect(missing).toEqual(["XM"]);
    // Tiny countries get a dot so they can be seen at all.
    expect(shapes(svg).get("VA")).toBe("open");
    expect(zlib.gzipSync(svg).length).toBeLessThan(7 * 1024);
  });
});
