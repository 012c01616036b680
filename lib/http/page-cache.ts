// Dashboard pages through the front process (server.ts): an anonymous GET of a public page is
// rendered by Next once (in the renderer process, decision 050), kept in the response cache
// under the same tags and expiry as the API, and served with a fresh CSP nonce spliced in for
// every response. Decision 014.
import crypto from "node:crypto";
import zlib from "node:zlib";
import { promisify } from "node:util";
import type http from "node:http";
import { scopeTags, type CacheTag } from "./cache-tags";
import { cacheKey, type CachedResponse, type ProductionKind, type Produced, type ResponseCache } from "./response-cache";
import { acceptedEncoding, sendBytes } from "./send";
import { liteHtml } from "./lite-html";
import { answeredNotModified, pageRevalidationHeaders } from "./page-revalidation";
import { LOCALE_PASS_HEADER, LOCALES, negotiateLocale, splitLocalePrefix, type Locale } from "@/lib/i18n/locales";

// With or without a language prefix (`/uk/countries/UA`; decision 032).
const PAGE_PATH = new RegExp(`^(?:/(?:${LOCALES.join("|")})(?=/|$))?/?(?:$|docs/api$|countries/[A-Z]{2}$|senders/[A-Z]{2}$|missions/[a-z0-9-]{1,200}$|events/[a-z0-9-]{1,200}$|search$)`);
/** The query parameters each page reads; any other is dropped from the key and from the render. */
// A moment (`at`, `known`, or the date control's `at_local`, which redirects) is read by every page.
const MOMENT_PARAMS = ["at", "known", "at_local"];
const FILTER_PARAMS = ["host", "city", "sending", "status", "type", "confirmed", "q", "sort", "dir", "page", "after", ...MOMENT_PARAMS];
const KNOWN_PARAMS: Array<[RegExp, ReadonlySet<string>]> = [
  [/^\/(?:countries|senders)\/|^\/search$/, new Set(FILTER_PARAMS)],
  [/^\/(?:missions|events)\//, new Set(["before", ...MOMENT_PARAMS])],
  [/^\/$/, new Set(MOMENT_PARAMS)],
  [/^\/docs\/api$/, new Set()],
];
// Requests Next answers differently (client navigations, prefetches), per user, or a prefixed
// page's rewrite that Next sends back through the front (its pass token is checked by proxy.ts;
// one from outside only skips the cache, as a cookie does).
const BYPASS_HEADERS = [LOCALE_PASS_HEADER, "cookie", "authorization", "rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "next-action", "purpose", "x-middleware-prefetch"];
const COPIED_HEADERS = ["content-language", "content-type", "cache-control", "content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy", "permissions-policy", "cross-origin-opener-policy", "vary", "link"];
const gzip = promisify(zlib.gzip);

/** An anonymous GET of a public page, asked as a browser asks for a whole document. */
export function isCacheablePageRequest(req: http.IncomingMessage, pathname: string, rawUrl: string): boolean {
  if (req.method !== "GET" || !PAGE_PATH.test(pathname) || rawUrl.includes("_rsc=")) return false;
  return !BYPASS_HEADERS.some((name) => req.headers[name] !== undefined);
}

function pageTags(pathname: string): CacheTag[] {
  const [, kind, code] = splitLocalePrefix(pathname).path.split("/");
  return scopeTags({ hostCodes: kind === "countries" && code ? [code] : [], sendingCodes: kind === "senders" && code ? [code] : [] });
}

/** The page's URL with only the parameters it reads, sorted: what is rendered and what keys the cache. */
export function canonicalPagePath(rawUrl: string): string {
  const url = new URL(rawUrl, "http://internal");
  const unprefixed = splitLocalePrefix(url.pathname).path;
  const known = KNOWN_PARAMS.find(([path]) => path.test(unprefixed))?.[1] ?? new Set<string>();
  return cacheKey("", url, known);
}

/** Next's answer to a page, as it came: status, headers, whole body. */
export interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Renders a page anonymously in `locale` (in production: the renderer process, over its socket). */
export type PageRender = (path: string, hostHeader: string | undefined, locale: Locale, kind: ProductionKind) => Promise<Upstream>;

async function renderThroughNext(render: PageRender, path: string, hostHeader: string | undefined, locale: Locale, kind: ProductionKind): Promise<Produced> {
  const response = await render(path, hostHeader, locale, kind);
  const headers: Record<string, string> = {};
  for (const name of COPIED_HEADERS) {
    const value = response.headers[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  // Never share a response meant for one visitor, nor one without a nonce to replace.
  const cacheable =
    (response.status === 200 || response.status === 404) &&
    response.headers["set-cookie"] === undefined &&
    response.headers["content-encoding"] === undefined &&
    /'nonce-[^']+'/.test(headers["content-security-policy"] ?? "");
  // A redirect or an error is expected not to be cached; a page that should be and is not, is a bug.
  if (!cacheable && (response.status === 200 || response.status === 404)) console.warn(`Page ${path} was not cached: Next answered ${response.status} without a shareable nonce`);
  // Pages are compressed per response: each carries its own nonce.
  return { response: { status: cacheable ? response.status : 0, headers, body: liteHtml(response.body, headers["content-security-policy"]) }, tags: pageTags(new URL(path, "http://x").pathname), precompress: false };
}

interface PageParts {
  /** Body and CSP split at the render's nonce; a fresh nonce goes between the parts. */
  bodyParts: Buffer[];
  cspParts: string[];
}
const partsOf = new WeakMap<CachedResponse, PageParts>();

function pageParts(entry: CachedResponse): PageParts {
  let parts = partsOf.get(entry);
  if (!parts) {
    const csp = entry.response.headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
    // Split from the stored text: decoding the wire bytes again cost ~1.3 ms per 170 KB page.
    parts = { bodyParts: entry.response.body.split(nonce).map((part) => Buffer.from(part)), cspParts: csp.split(nonce) };
    partsOf.set(entry, parts);
  }
  return parts;
}

/** The page's headers and body parts with a fresh nonce between them (in the CSP too). */
export function pageWithFreshNonce(entry: CachedResponse): { headers: Record<string, string>; chunks: Buffer[]; length: number } {
  const parts = pageParts(entry);
  const nonce = crypto.randomBytes(18).toString("base64");
  const nonceBytes = Buffer.from(nonce);
  const chunks = parts.bodyParts.flatMap((part, index) => (index > 0 ? [nonceBytes, part] : [part]));
  const headers: Record<string, string> = { ...entry.response.headers, ...pageRevalidationHeaders(entry), "content-security-policy": parts.cspParts.join(nonce) };
  return { headers, chunks, length: chunks.reduce((sum, chunk) => sum + chunk.length, 0) };
}

async function send(req: http.IncomingMessage, res: http.ServerResponse, entry: CachedResponse, negotiated: boolean) {
  // An unprefixed page is in the language Accept-Language chose: caches downstream must know.
  if (negotiated) res.setHeader("vary", "Accept-Language");
  if (answeredNotModified(req, res, entry)) return;
  const { headers, chunks, length } = pageWithFreshNonce(entry);
  if (negotiated) headers.vary = [headers.vary, "Accept-Language"].filter(Boolean).join(", ");
  if (acceptedEncoding(req.headers["accept-encoding"], { gzip: true }) === "gzip") {
    const body = await gzip(Buffer.concat(chunks, length), { level: 1 });
    return sendBytes(req, res, entry.response.status, { ...headers, "content-encoding": "gzip", "content-length": String(body.length) }, body);
  }
  headers["content-length"] = String(length);
  if (req.method === "HEAD") return sendBytes(req, res, entry.response.status, headers, undefined);
  // The stored parts and the nonce leave in one write (one packet for a small page), not one per part.
  res.cork();
  res.writeHead(entry.response.status, headers);
  for (const chunk of chunks) res.write(chunk);
  res.end();
  res.uncork();
}

/**
 * Serves a cacheable page request; falls back to `next` when the render may not be shared, or
 * with the error when it failed (the front answers a refused render 503, not through Next).
 */
export function servePage(req: http.IncomingMessage, res: http.ServerResponse, rawUrl: string, render: PageRender, next: (error?: unknown) => void, cache: ResponseCache) {
  const path = canonicalPagePath(rawUrl);
  // A prefixed page is in its language; an unprefixed one in the reader's best of ours, so it
  // is kept once per language (a handful), not once per Accept-Language header (decision 032).
  const prefix = splitLocalePrefix(path).locale;
  const locale = prefix ?? negotiateLocale(req.headers["accept-language"]);
  const key = `page:${req.headers.host ?? ""}|${locale}|${path}`;
  const entry = cache.lookup(key, (kind) => renderThroughNext(render, path, req.headers.host, locale, kind));
  const fail = (error: unknown) => {
    if (!res.headersSent) return next(error);
    console.error(`Could not serve the page ${path} from the cache:`, error);
  };
  const serve = (ready: CachedResponse) => (ready.response.status === 0 ? next() : send(req, res, ready, prefix === null).catch(fail));
  if (!(entry instanceof Promise)) return void serve(entry);
  entry.then(serve, fail);
}
