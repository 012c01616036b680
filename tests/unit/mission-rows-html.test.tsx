import fc from "fast-check";
import { prerender } from "react-dom/static";
import { describe, expect, it } from "vitest";
import { CountryName } from "@/components/country-name";
import { DateTime } from "@/components/date-time";
import { countryNameHtml, dateTimeHtml, missionRowsHtml, reasonHtml, sourceLinkHtml, statusWithFreshnessHtml, type MissionColumn } from "@/components/mission-rows-html";
import { ReasonText } from "@/components/reason-text";
import { SourceLink } from "@/components/source-link";
import { StatusWithFreshness } from "@/components/status-with-freshness";
import type { RequestI18n } from "@/lib/i18n/request";
import { i18nFor } from "@/lib/i18n/translator";
import type { MissionRow } from "@/lib/missions/filter-missions";
import { FRESHNESS } from "@/lib/status/freshness";
import type { StatusFacts } from "@/lib/status/wording";

const ENGLISH: RequestI18n = { ...i18nFor("en"), href: (path) => path, currentPath: "/" };
const NOW = new Date("2026-12-03T12:00:00Z");
const LABELS = { noSource: "No source", newTab: " (opens in a new tab)" };

/** Server components read the reader's language asynchronously (lib/i18n/request.ts): wait for it.
 * React writes an apostrophe as `&#x27;`, escapeHtml as `&#39;`: the same character. */
async function renderStatic(element: React.ReactElement): Promise<string> {
  const { prelude } = await prerender(element);
  return (await new Response(prelude).text()).replaceAll("&#x27;", "&#39;");
}

// Text with every character HTML gives a meaning to, and ordinary words.
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(`<script>alert("x")</script>`, `O'Brien & "sons"`, "Kyiv", ""));
const date = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2028-01-01T00:00:00Z"), noInvalidDate: true });
const zone = fc.constantFrom("UTC", "Europe/Kyiv", "America/New_York", "Asia/Kathmandu", "Not/AZone");
const facts: fc.Arbitrary<StatusFacts> = fc.record({
  status: fc.constantFrom("open", "limited", "closed", null),
  statusSince: fc.option(date, { nil: null }),
  statusUntil: fc.option(date, { nil: null }),
  statusFollows: fc.constantFrom("open", "limited", null),
  expectedAfter: fc.constantFrom("open", null),
  verifiedAt: fc.option(date, { nil: null }),
  timeZone: zone,
  freshness: fc.constantFrom(...FRESHNESS, null),
});

describe("a mission table's rows as HTML (decision 054)", () => {
  it("writes each piece exactly as its React component does", async () => {
    await fc.assert(
      fc.asyncProperty(facts, async (status) => {
        expect(statusWithFreshnessHtml(status, NOW, ENGLISH)).toBe(await renderStatic(<StatusWithFreshness facts={status} now={NOW} />));
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("UA", "XN", "XM", "US"), text, async (code, name) => {
        expect(countryNameHtml(code, name, "en")).toBe(await renderStatic(<CountryName code={code} name={name} />));
      }),
      { numRuns: 30 },
    );
    await fc.assert(
      fc.asyncProperty(date, zone, fc.constantFrom("local-and-utc", "age", "date", "local") as fc.Arbitrary<"local-and-utc" | "age" | "date" | "local">, async (value, timeZone, variant) => {
        expect(dateTimeHtml(value, timeZone, variant, "en")).toBe(await renderStatic(<DateTime value={value} timeZone={timeZone} variant={variant} locale="en" />));
      }),
      { numRuns: 30 },
    );
    await fc.assert(
      fc.asyncProperty(fc.option(fc.oneof(fc.webUrl(), fc.constantFrom("javascript:alert(1)", "not a url", `https://example.org/?a="b"&c=<d>`)), { nil: null }), fc.option(text, { nil: null }), async (url, title) => {
        expect(sourceLinkHtml(url, title, LABELS)).toBe(await renderStatic(<SourceLink url={url} title={title} labels={LABELS} />));
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom("en", "uk", "fr"), fc.option(text, { nil: undefined }), async (original, language, translation) => {
        const versions = { original, language, translations: translation === undefined ? undefined : { en: translation } };
        expect(reasonHtml(original, versions, "en")).toBe(await renderStatic(<ReasonText reason={original} versions={versions} />));
      }),
      { numRuns: 30 },
    );
  });

  const row = (overrides: Partial<MissionRow>): MissionRow =>
    ({
      id: 1,
      slug: "ua-embassy-kyiv",
      sendingCode: "UA",
      sendingName: "Ukraine",
      hostCode: "PL",
      hostName: "Poland",
      city: "Warsaw",
      type: "embassy",
      status: "closed",
      statusSince: new Date("2024-11-20T07:00:00Z"),
      statusUntil: null,
      statusFollows: null,
      expectedAfter: null,
      statusReason: "Air-raid warning",
      sourceUrl: "https://example.org/notice",
      sourceTitle: null,
      verifiedAt: new Date("2026-12-01T07:00:00Z"),
      timeZone: "Europe/Warsaw",
      freshness: "fresh",
      updatedAt: new Date("2026-12-01T07:00:00Z"),
      ...overrides,
    }) as MissionRow;
  const ALL: MissionColumn[] = ["sending", "host", "city", "type", "status", "since", "reason", "source", "verified"];

  it("writes one row per mission, one cell per column, in order", () => {
    const rows = [row({ id: 1, slug: "a" }), row({ id: 2, slug: "b", status: null, statusSince: null, verifiedAt: null, statusReason: null, sourceUrl: null })];
    const html = missionRowsHtml(rows, { columns: ALL, now: NOW, keptQuery: "", i18n: ENGLISH });
    expect(html.match(/<tr /g)).toHaveLength(2);
    expect([...html.matchAll(/data-mission="([^"]+)"/g)].map((match) => match[1])).toEqual(["a", "b"]);
    expect(html.match(/<t[dh][ >]/g)).toHaveLength(2 * ALL.length);
    expect(html).toContain(`<td class="text-sm whitespace-nowrap">Never</td>`);
    expect(missionRowsHtml(rows, { columns: ["city", "type"], now: NOW, keptQuery: "", i18n: ENGLISH })).toBe(`<tr data-mission="a"><td>Warsaw</td><td>Embassy</td></tr><tr data-mission="b"><td>Warsaw</td><td>Embassy</td></tr>`);
  });

  it("links each mission in the reader's language, keeping the moment shown", () => {
    const ukrainian: RequestI18n = { ...i18nFor("uk"), href: (path) => `/uk${path}`, currentPath: "/" };
    const html = missionRowsHtml([row({})], { columns: ["sending"], now: NOW, keptQuery: "at=2024-11-20T09%3A00&known=then", i18n: ukrainian });
    expect(html).toContain(`href="/uk/missions/ua-embassy-kyiv?at=2024-11-20T09%3A00&amp;known=then"`);
    expect(html).toContain("Україна");
  });

  it("escapes whatever an editor typed, and links only http(s) sources", () => {
    fc.assert(
      fc.property(text, text, text, fc.constantFrom("javascript:alert(1)", "data:text/html,<b>x</b>", "https://example.org/\"><script>"), (reason, title, city, url) => {
        const html = missionRowsHtml([row({ statusReason: reason || "x", sourceTitle: title || null, sourceUrl: url, city, slug: `a"><script>` })], { columns: ALL, now: NOW, keptQuery: "", i18n: ENGLISH });
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/href="(javascript|data):/);
      }),
      { numRuns: 100 },
    );
  });
});
