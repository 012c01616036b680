import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { statusBadgeSvg } from "@/lib/api/badge";
import { MISSION_CSV_COLUMNS, missionsCsv } from "@/lib/api/csv";
import { decodeCursor, encodeCursor } from "@/lib/missions/cursor";
import { atomFeed, jsonFeed } from "@/lib/api/feeds";
import type { LoadedChange } from "@/lib/api/read-model";
import type { MissionRow } from "@/lib/missions/row-select";
import { toApiMission } from "@/lib/api/serialize";
import { EmbedParamsSchema } from "@/lib/embed/params";
import { renderEmbed } from "@/lib/embed/render";
import { csvCell, escapeHtml, safeHttpUrl } from "@/lib/http/escape";
import { DEFAULT_POLICY } from "@/lib/status/freshness";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import { parseStrictXml } from "../xml";

// Two years after the seeded report: every status of that day is stale.
const NOW = new Date("2026-12-01T10:00:00Z");
const FRESHNESS: FreshnessContext = { policyFor: () => DEFAULT_POLICY, hostsWithPolicy: [], now: NOW };

const HOSTILE_REASON = `<script>alert(1)</script> "><img src=x onerror="alert(2)"> , "quoted"\nnext line`;
const HOSTILE_URL = "javascript:alert(3)";

function row(overrides: Partial<MissionRow> = {}): MissionRow {
  return {
    id: 1,
    slug: "us-embassy-kyiv",
    sendingCode: "US",
    sendingName: "United States of America",
    hostCode: "UA",
    hostName: "Ukraine",
    city: "Kyiv",
    type: "embassy",
    status: "closed",
    statusReason: HOSTILE_REASON,
    sourceUrl: HOSTILE_URL,
    sourceTitle: "<b>Source</b>",
    statusSince: new Date("2024-11-20T07:00:00Z"),
    verifiedAt: new Date("2024-11-20T08:00:00Z"),
    statusUntil: null,
    statusFollows: null,
    expectedAfter: null,
    timeZone: "Europe/Kyiv",
    version: 1,
    freshness: "stale",
    updatedAt: new Date("2024-11-20T08:00:00Z"),
    ...overrides,
  };
}

const change = (overrides: Partial<LoadedChange> = {}): LoadedChange => ({
  id: 7,
  kind: "change",
  previousStatus: "open",
  newStatus: "closed",
  reason: HOSTILE_REASON,
  sourceUrl: HOSTILE_URL,
  sourceTitle: null,
  effectiveAt: new Date("2024-11-20T07:00:00Z"),
  recordedAt: new Date("2024-11-20T08:00:00Z"),
  until: null,
  follows: null,
  endsChangeId: null,
  mission: {
    slug: "us-embassy-kyiv",
    sendingCode: "US",
    hostCode: "UA",
    city: "Kyiv",
    type: "embassy",
    timeZone: "Europe/Kyiv",
    sending: { name: "United States of America" },
    host: { name: "Ukraine" },
    status: "closed",
    statusSince: new Date("2024-11-20T07:00:00Z"),
    statusUntil: null,
    statusFollows: null,
    expectedAfter: null,
    verifiedAt: new Date("2024-11-20T08:00:00Z"),
  },
  ...overrides,
});

describe("escaping", () => {
  it("escapes HTML special characters and keeps only http(s) URLs", () => {
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;");
    expect(safeHttpUrl("javascript:alert(1)")).toBeNull();
    expect(safeHttpUrl("data:text/html,<script>")).toBeNull();
    expect(safeHttpUrl("https://example.org/a b")).toBe("https://example.org/a%20b");
  });

  it("quotes CSV cells and neutralises formulas", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell(null)).toBe("");
  });
});

describe("CSV of missions", () => {
  it("has the documented columns and one parseable line per mission", () => {
    const csv = missionsCsv([toApiMission(row(), "https://chancery.example", NOW)]);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(MISSION_CSV_COLUMNS.join(","));
    expect(lines[0]).toMatch(/,freshness,status_text,status_until,status_follows,expected_after$/);
    expect(csv).toContain(",stale,Closed · not confirmed since 20 Nov 2024,,,\r\n");
    expect(csv).toContain(`"<script>alert(1)</script> ""><img src=x onerror=""alert(2)""> , ""quoted""\nnext line"`);
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});

describe("feeds", () => {
  const input = { origin: "https://chancery.example", selfPath: "/api/v1/changes.atom", title: "Changes", changes: [change()], freshness: FRESHNESS };

  it("writes Atom with escaped text content and no javascript: links", () => {
    const xml = atomFeed(input);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const feed = parsed.feed;
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    for (const field of ["id", "title", "updated", "author"]) expect(feed[field]).toBeDefined();
    const entry = feed.entry;
    expect(entry.id).toBe("https://chancery.example/missions/us-embassy-kyiv#change-7");
    expect(entry.content["@_type"]).toBe("text");
    expect(entry.content["#text"]).toContain("<script>alert(1)</script>");
    expect(entry.title["#text"]).toBe("United States of America embassy in Kyiv: changed to Closed");
    expect(entry.content["#text"]).toContain("Status now: Closed · not confirmed since 20 Nov 2024.");
    expect(xml).not.toContain("<script>");
    expect(xml).not.toMatch(/href="javascript:/);
  });

  it("stays well-formed XML whatever the text holds: characters XML forbids are dropped, every other one kept", () => {
    const forbidden = fc.constantFrom("\u0000", "\u0008", "\u000B", "\u000C", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF");
    const text = fc.array(fc.oneof(forbidden, fc.string({ unit: "binary" }), fc.constantFrom("<", "&", "]]>", '"', "\r\n", "\t")), { maxLength: 12 }).map((parts) => parts.join(""));
    const allowed = (value: string) => value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
    fc.assert(
      fc.property(text, text, text, (reason, city, sendingName) => {
        const mission = { ...change().mission, city, sending: { name: sendingName } };
        const xml = atomFeed({ ...input, title: city, changes: [change({ reason: `r${reason}`, sourceTitle: reason, sourceUrl: "https://example.org/", mission })] });
        const texts = parseStrictXml(xml);
        // XML parsers normalise line ends (CRLF and a lone CR become LF).
        expect(texts.get("content")?.[0]).toContain(`Reason: r${allowed(reason).replace(/\r\n?/g, "\n")}`);
        expect(texts.get("title")?.[0]).toBe(allowed(city).replace(/\r\n?/g, "\n"));
      }),
      { numRuns: 300 },
    );
  });

  it("writes JSON Feed 1.1 with content_text only", () => {
    const feed = jsonFeed(input) as { version: string; title: string; items: Array<Record<string, unknown>> };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBe("Changes");
    const [item] = feed.items;
    expect(item?.id).toBeTypeOf("string");
    expect(item?.content_text).toContain(HOSTILE_REASON);
    expect(item?.content_text).toContain("Status now: Closed · not confirmed since 20 Nov 2024.");
    expect(item?._chancery).toEqual({ status: "closed", freshness: "stale", verifiedAt: "2024-11-20T08:00:00.000Z", statusText: "Closed · not confirmed since 20 Nov 2024" });
    expect(item).not.toHaveProperty("content_html");
    expect(item).not.toHaveProperty("external_url");
  });
});

describe("embed", () => {
  const params = (query: Record<string, string>) => EmbedParamsSchema.parse(query);

  it("renders escaped text, only http(s) links and the chosen columns", () => {
    const html = renderEmbed(params({ host: "UA", columns: "sending,status,reason,source" }), [row()], "https://chancery.example", NOW);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;Source&lt;/b&gt;");
    expect(html.match(/<th scope="col">/g)).toHaveLength(4);
    expect(html).toContain("Last updated <time datetime=\"2024-11-20T08:00:00.000Z\">20 Nov 2024, 10:00 EET (08:00 UTC)</time>");
    expect(html).toContain('href="https://chancery.example/countries/UA"');
  });

  it("shows the reason in the reader's language, else the original marked with its language and named", () => {
    const key = `1:${HOSTILE_REASON}`;
    const translated = new Map([[key, { original: HOSTILE_REASON, language: "en", translations: { uk: `<b>Зачинено</b>` } }]]);
    const uk = renderEmbed(params({ host: "UA", columns: "sending,reason", lang: "uk" }), [row()], "https://chancery.example", NOW, null, translated);
    expect(uk).toContain('<td><span lang="uk">&lt;b&gt;Зачинено&lt;/b&gt;</span></td>');
    expect(uk).not.toContain("alert(1)");
    const de = renderEmbed(params({ host: "UA", columns: "sending,reason", lang: "de" }), [row()], "https://chancery.example", NOW, null, translated);
    expect(de).toContain('<span lang="en">&lt;script&gt;alert(1)');
    expect(de).toContain('<span class="f">(Original auf Englisch)</span>');
    const written = new Map([[key, { original: HOSTILE_REASON, language: "uk" }]]);
    expect(renderEmbed(params({ host: "UA", columns: "reason", lang: "uk" }), [row()], "https://chancery.example", NOW, null, written)).not.toContain('class="f"');
    expect(renderEmbed(params({ host: "UA", columns: "reason" }), [row()], "https://chancery.example", NOW, null, written)).toContain("(original in Ukrainian)");
  });

  it("says in plain HTML (no script needed) whether each status is confirmed", () => {
    const stale = renderEmbed(params({ host: "UA" }), [row()], "https://chancery.example", NOW);
    expect(stale).toContain('<span class="f">Not confirmed since 20 Nov 2024</span>');
    const until = row({ status: "closed", verifiedAt: new Date("2026-12-01T07:00:00Z"), freshness: "fresh", statusUntil: new Date("2026-12-01T16:00:00Z"), statusFollows: "open" });
    const html = renderEmbed(params({ host: "UA" }), [until], "https://chancery.example", NOW);
    expect(html).toContain("✕</span> Closed until 18:00 EET (16:00 UTC)</span>");
    expect(html).toContain('<span class="f">Confirmed at 09:00 EET (07:00 UTC)</span>');
    const expected = row({ status: "open", statusSince: new Date("2026-12-01T08:00:00Z"), verifiedAt: null, expectedAfter: "closed", freshness: "unconfirmed" });
    expect(renderEmbed(params({ host: "UA" }), [expected], "https://chancery.example", NOW)).toContain(
      '<span class="f">Expected after the closure ended at 10:00 EET (08:00 UTC), not confirmed</span>',
    );
  });

  it("rejects unknown columns, themes and parameters by name", () => {
    for (const [query, parameter] of [
      [{ columns: "sending,<svg>" }, "columns"],
      [{ theme: "neon" }, "theme"],
      [{ onload: "x" }, "onload"],
      [{ host: '"><script>' }, "host"],
    ] as const) {
      const result = EmbedParamsSchema.safeParse(query);
      expect(result.success).toBe(false);
      const issue = result.error?.issues[0];
      const named = issue?.code === "unrecognized_keys" ? issue.keys[0] : issue?.path[0];
      expect(named).toBe(parameter);
    }
  });
});

describe("cursor", () => {
  it("round-trips and refuses another sort order or garbage", () => {
    const filters = { sort: "since", dir: "desc" } as const;
    const cursor = encodeCursor(row(), filters);
    const decoded = decodeCursor(cursor, filters);
    expect(typeof decoded === "object" && decoded.id).toBe(1);
    expect(decodeCursor(cursor, { sort: "city", dir: "desc" })).toBe("belongs to a different sort order");
    expect(decodeCursor("not-a-cursor", filters)).toBe("is not a cursor returned by this API");
  });
});

describe("badge", () => {
  it("escapes the label and names the status and its freshness in text", () => {
    const svg = statusBadgeSvg(`<script>x</script>`, "limited", "fresh", "Limited · confirmed at 09:00 EET (07:00 UTC)");
    expect(svg).not.toContain("<script>");
    expect(svg).toContain('aria-label="&lt;script&gt;x&lt;/script&gt;: Limited · confirmed at 09:00 EET (07:00 UTC)"');
    expect(svg).toContain("◐ Limited · confirmed at 09:00 EET (07:00 UTC)</text>");
  });

  it("does not paint an unconfirmed status in the colour of a current fact", () => {
    expect(statusBadgeSvg("US, Kyiv", "closed", "fresh", "Closed")).toContain('fill="#991b1b"');
    const stale = statusBadgeSvg("US, Kyiv", "closed", "stale", "Closed · not confirmed since 20 Nov 2024");
    expect(stale).not.toContain('fill="#991b1b"');
    expect(stale).toContain("✕ Closed · not confirmed since 20 Nov 2024");
  });

  it("is well-formed XML whatever the label holds", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "\u0000", "\u000B", "\uFFFF", "\uD83D", "<", "&", "é") }), fc.constantFrom("open", "closed", "bogus", null), (label, status) => {
        // The label and the words may both carry stored text.
        const svg = statusBadgeSvg(label, status, "stale", `Closed · ${label}`);
        expect(parseStrictXml(svg).get("title")?.[0]).toContain(label.replace(/[\u0000\u000B\uFFFF\uD83D]/g, ""));
      }),
    );
  });
});
