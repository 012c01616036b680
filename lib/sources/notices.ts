// What a fetched source says, as notices: one per feed item, per GOV.UK travel-advice update,
// per German travel-warning version, and per change of a web page's main text. Markup is read
// by kept parsers (feedsmith, fast-xml-parser's validator, html-to-text, diff), never by
// regular expressions.
import crypto from "node:crypto";
import { diffLines } from "diff";
import { XMLValidator } from "fast-xml-parser";
import { parseFeed } from "feedsmith";
import { convert } from "html-to-text";
import { z } from "zod";
import type { SourceKind } from "./schema";

export interface Notice {
  /** Stable per notice: a feed item's guid, an update's timestamp, a page version's hash. */
  key: string;
  title: string;
  text: string;
  link: string;
  publishedAt: Date | null;
  /** Web pages: the lines added since the previous fetch. */
  diff?: string;
}

export interface ReadResult {
  notices: Notice[];
  /** Web pages: the main text to compare the next fetch with. */
  pageText?: string;
}

export class MalformedSourceError extends Error {}

const MAX_TEXT = 20_000;

export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    baseElements: { selectors: ["main", "article", "[role=main]", "body"], returnDomByDefault: true },
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "nav", format: "skip" },
      { selector: "header", format: "skip" },
      { selector: "footer", format: "skip" },
      { selector: "script", format: "skip" },
      { selector: "style", format: "skip" },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "table", format: "dataTable" },
    ],
  })
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .slice(0, MAX_TEXT);
}

const date = (value: unknown): Date | null => {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
};

const textOf = (value: unknown): string => {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "value" in value && typeof value.value === "string") return value.value;
  return "";
};

const hash = (value: string) => crypto.createHash("sha256").update(value).digest("hex").slice(0, 32);

function absolute(link: string, base: string): string {
  try {
    const url = new URL(link, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : base;
  } catch {
    return base;
  }
}

function readFeed(body: string, url: string): ReadResult {
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new MalformedSourceError(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(body);
  } catch (error) {
    throw new MalformedSourceError(`not an RSS or Atom feed (${(error as Error).message})`);
  }
  const items: Array<Record<string, unknown>> =
    parsed.format === "atom" ? ((parsed.feed as { entries?: Array<Record<string, unknown>> }).entries ?? []) : ((parsed.feed as { items?: Array<Record<string, unknown>> }).items ?? []);
  const notices = items.map((item): Notice => {
    const links = item.links as Array<{ href?: string; rel?: string }> | undefined;
    const link = absolute(textOf(item.link) || links?.find((entry) => !entry.rel || entry.rel === "alternate")?.href || "", url);
    const title = htmlToText(textOf(item.title));
    const content = item.content && typeof item.content === "object" && "encoded" in item.content ? textOf((item.content as { encoded: unknown }).encoded) : textOf(item.content);
    const text = htmlToText(content || textOf(item.description) || textOf(item.summary));
    const guid = textOf(item.guid) || textOf(item.id);
    const publishedAt = date(item.pubDate) ?? date(item.published) ?? date(item.updated) ?? date((item.dc as { date?: string } | undefined)?.date);
    const key = guid || (link !== url ? link : hash(`${title}\n${text}`));
    return { key, title, text, link, publishedAt };
  });
  return { notices };
}

const GovukSchema = z.object({
  title: z.string().default(""),
  base_path: z.string().optional(),
  public_updated_at: z.string(),
  details: z
    .object({
      change_description: z.string().default(""),
      alert_status: z.array(z.string()).default([]),
      parts: z.array(z.object({ title: z.string().default(""), body: z.string().default("") })).default([]),
    })
    .default({ change_description: "", alert_status: [], parts: [] }),
});

/** GOV.UK Content API travel advice: one notice per update, its change description first. */
function readGovuk(body: string, url: string): ReadResult {
  const parsed = GovukSchema.safeParse(parseJson(body));
  if (!parsed.success) throw new MalformedSourceError(`not GOV.UK travel advice: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`);
  const advice = parsed.data;
  const link = advice.base_path ? absolute(advice.base_path, "https://www.gov.uk/") : url;
  // The change description says what changed; the summary part says what holds now.
  const summary = advice.details.parts[0] ? htmlToText(advice.details.parts[0].body) : "";
  return {
    notices: [
      {
        key: `govuk:${advice.public_updated_at}`,
        title: advice.title,
        text: [advice.details.change_description, summary].filter(Boolean).join("\n\n"),
        link,
        publishedAt: date(advice.public_updated_at),
      },
    ],
  };
}

const AaWarningSchema = z.object({
  title: z.string().default(""),
  lastModified: z.union([z.number(), z.string()]),
  content: z.string().default(""),
  countryCode: z.string().optional(),
});

/**
 * Auswärtiges Amt open data (travelwarning): `response` maps content ids to warnings. The list
 * endpoint holds every country's: only the host country's are read.
 */
function readAuswaertigesAmt(body: string, url: string, hostCode: string | null): ReadResult {
  const parsed = z.object({ response: z.record(z.string(), z.unknown()) }).safeParse(parseJson(body));
  if (!parsed.success) throw new MalformedSourceError("not an Auswärtiges Amt open-data answer (no response object)");
  const notices: Notice[] = [];
  for (const [id, value] of Object.entries(parsed.data.response)) {
    const warning = AaWarningSchema.safeParse(value);
    if (!warning.success) continue;
    if (hostCode && warning.data.countryCode && warning.data.countryCode.toUpperCase() !== hostCode) continue;
    const { title, lastModified, content } = warning.data;
    // lastModified is in seconds since the epoch in the API's answers.
    const publishedAt = typeof lastModified === "number" ? new Date(lastModified < 1e11 ? lastModified * 1000 : lastModified) : date(lastModified);
    notices.push({ key: `de-aa:${id}:${lastModified}`, title, text: htmlToText(content), link: url, publishedAt });
  }
  if (!notices.length) throw new MalformedSourceError("the Auswärtiges Amt answer holds no travel warning");
  return { notices };
}

/** A web page: its main text; a notice is what was added since the last fetch (none the first time). */
function readWebPage(body: string, url: string, previousText: string | null, fetchedAt: Date): ReadResult {
  const pageText = htmlToText(body);
  if (previousText === null || previousText === pageText) return { notices: [], pageText };
  const added = diffLines(previousText, pageText)
    .filter((part) => part.added)
    .map((part) => part.value.trim())
    .filter(Boolean)
    .join("\n");
  if (!added) return { notices: [], pageText };
  const firstLine = added.split("\n")[0] ?? "";
  return { notices: [{ key: `page:${hash(added)}`, title: firstLine.slice(0, 200), text: added, link: url, publishedAt: fetchedAt, diff: added.slice(0, MAX_TEXT) }], pageText };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new MalformedSourceError("the answer is not JSON");
  }
}

export interface ReadContext {
  previousText: string | null;
  fetchedAt: Date;
  /** The source's host country: picks the German warnings about it out of the full list. */
  hostCode: string | null;
}

export function readNotices(kind: SourceKind, body: string, url: string, { previousText, fetchedAt, hostCode }: ReadContext): ReadResult {
  switch (kind) {
    case "rss":
      return readFeed(body, url);
    case "govuk":
      return readGovuk(body, url);
    case "de-aa":
      return readAuswaertigesAmt(body, url, hostCode);
    case "webpage":
      return readWebPage(body, url, previousText, fetchedAt);
  }
}
