// Dashboard pages through the custom server: an anonymous GET of a public page is rendered by
// Next once (via a loopback request), kept in the response cache under the same tags and
// expiry as the API, and served with a fresh CSP nonce spliced in for every response.
import crypto from "node:crypto";
import zlib from "node:zlib";
import { request as httpRequest } from "node:http";
import type http from "node:http";
import { dataTags, type CacheTag } from "./cache-tags";
import { liteHtml } from "./lite-html";
import { answeredNotModified, pageRevalidationHeaders } from "./page-revalidation";
import { getResponseCache, type CachedResponse, type Produced } from "./response-cache";

const PAGE_PATH = /^\/(?:$|docs\/api$|countries\/[A-Z]{2}$|senders\/[A-Z]{2}$|missions\/[a-z0-9-]{1,200}$|events\/[a-z0-9-]{1,200}$|search$)/;
// Requests Next answers differently (client navigations, prefetches) or per user.
const BYPASS_HEADERS = ["cookie", "authorization", "rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "next-action", "purpose", "x-middleware-prefetch"];
export const RENDER_HEADER = "x-chancery-page-render";
const RENDER_TOKEN = crypto.randomBytes(16).toString("hex");
const COPIED_HEADERS = ["content-type", "cache-control", "content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy", "permissions-policy", "cross-origin-opener-policy", "vary", "link"];

export function isCacheablePageRequest(req: http.IncomingMessage, pathname: string, rawUrl: string): boolean {
  if (req.method !== "GET" || !PAGE_PATH.test(pathname) || rawUrl.includes("_rsc=")) return false;
  if (req.headers[RENDER_HEADER] !== undefined) return false;
  return !BYPASS_HEADERS.some((name) => req.headers[name] !== undefined);
}

function pageTags(pathname: string): CacheTag[] {
  const [, kind, code] = pathname.split("/");
  if (kind === "countries" && code) return dataTags({ hostCodes: [code] });
  if (kind === "senders" && code) return dataTags({ sendingCodes: [code] });
  return ["*"];
}

interface PageWire {
  /** Body and CSP split at the render's nonce; a fresh nonce goes between the parts. */
  bodyParts: Buffer[];
  cspParts: string[];
  headers: Record<string, string>;
}
const wires = new WeakMap<CachedResponse, PageWire>();

function loopbackGet(port: number, rawUrl: string, host: string | undefined): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  // node:http, not fetch: Next patches the global fetch in this process.
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: "127.0.0.1", port, path: rawUrl, method: "GET", headers: { [RENDER_HEADER]: RENDER_TOKEN, host: host ?? `127.0.0.1:${port}`, "accept-encoding": "identity" } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 500, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end();
  });
}

async function renderThroughNext(port: number, rawUrl: string, host: string | undefined): Promise<Produced> {
  const response = await loopbackGet(port, rawUrl, host);
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
  return { response: { status: cacheable ? response.status : 0, headers, body: liteHtml(response.body, headers["content-security-policy"]) }, tags: pageTags(new URL(rawUrl, "http://x").pathname) };
}

function pageWire(entry: CachedResponse): PageWire {
  let wire = wires.get(entry);
  if (!wire) {
    const csp = entry.response.headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
    wire = {
      bodyParts: entry.response.body.split(nonce).map((part) => Buffer.from(part)),
      cspParts: csp.split(nonce),
      headers: entry.response.headers,
    };
    wires.set(entry, wire);
  }
  return wire;
}

function send(req: http.IncomingMessage, res: http.ServerResponse, entry: CachedResponse) {
  if (answeredNotModified(req, res, entry)) return;
  const wire = pageWire(entry);
  const nonce = crypto.randomBytes(16).toString("base64");
  const nonceBytes = Buffer.from(nonce);
  const chunks: Buffer[] = [];
  wire.bodyParts.forEach((part, index) => {
    if (index > 0) chunks.push(nonceBytes);
    chunks.push(part);
  });
  let body = Buffer.concat(chunks);
  const headers: Record<string, string> = { ...wire.headers, ...pageRevalidationHeaders(entry), "content-security-policy": wire.cspParts.join(nonce) };
  if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    body = zlib.gzipSync(body, { level: 1 });
    headers["content-encoding"] = "gzip";
  }
  headers["content-length"] = String(body.length);
  res.writeHead(entry.response.status, headers);
  res.end(body);
}

/** Serves a cacheable page request; falls back to `next` when the render may not be shared. */
export function servePage(req: http.IncomingMessage, res: http.ServerResponse, rawUrl: string, port: number, next: () => void) {
  const key = `page:${req.headers.host ?? ""}${rawUrl}`;
  const entry = getResponseCache().lookup(key, () => renderThroughNext(port, rawUrl, req.headers.host));
  const serve = (ready: CachedResponse) => (ready.response.status === 0 ? next() : send(req, res, ready));
  if (!(entry instanceof Promise)) return serve(entry);
  entry.then(serve, () => next());
}
