// The public, cacheable paths (API, embed, embed scripts): which requests they are and how a
// request finds its cached answer. What produces an answer is passed in: the render process's
// code (lib/http/hot-produce.ts) there and in Next route handlers, a request to the render
// process in the serving process (decision 037), so that the serving process loads neither.
import { API_PREFIX } from "@/lib/api/prefix";
import { MethodNotAllowedError } from "@/lib/errors";
import { CORS_HEADERS, errorResponse, type HttpResponse } from "./response";
import { publicOrigin } from "./origin";
import { cacheKey, getResponseCache, type CachedResponse, type Produced } from "./response-cache";

export function isHotPath(pathname: string): boolean {
  return pathname.startsWith(`${API_PREFIX}/`) || pathname === "/embed" || pathname === "/embed.js" || pathname.startsWith("/embed/");
}

/** Makes the answer to a hot path: the public origin and the parsed URL in, the answer and its tags out. */
export type HotProducer = (origin: string, url: URL) => Promise<Produced>;

export const PREFLIGHT: HttpResponse = { status: 204, headers: { ...CORS_HEADERS }, body: "" };
const ALLOWED_METHODS = ["GET", "HEAD", "OPTIONS"];
const notAllowed = errorResponse(new MethodNotAllowedError(ALLOWED_METHODS));
export const METHOD_NOT_ALLOWED: HttpResponse = { ...notAllowed, headers: { ...notAllowed.headers, Allow: ALLOWED_METHODS.join(", ") } };

/** Cached entry for a request (producing it on a miss). */
export function cachedHotResponse(produce: HotProducer, host: string | null | undefined, url: URL): CachedResponse | Promise<CachedResponse> {
  const origin = publicOrigin(host);
  return getResponseCache().lookup(cacheKey(origin, url), () => produce(origin, url));
}

interface ParsedRequest {
  origin: string;
  url: URL;
  key: string;
}
// Raw "host + URL" → parsed and normalised, so a hot request skips URL parsing and sorting.
const parsedByRaw = new Map<string, ParsedRequest>();
const MAX_PARSED = 10_000;

/** For the custom server: the cached entry for a raw request line (a path: it always parses). */
export function cachedHotResponseForRaw(produce: HotProducer, host: string | undefined, rawUrl: string): CachedResponse | Promise<CachedResponse> {
  const raw = `${host ?? ""} ${rawUrl}`;
  let parsed = parsedByRaw.get(raw);
  if (!parsed) {
    const url = new URL(rawUrl, "http://internal");
    const origin = publicOrigin(host);
    parsed = { origin, url, key: cacheKey(origin, url) };
    if (parsedByRaw.size >= MAX_PARSED) parsedByRaw.clear();
    parsedByRaw.set(raw, parsed);
  }
  const { origin, url, key } = parsed;
  return getResponseCache().lookup(key, () => produce(origin, url));
}
