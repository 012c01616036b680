// A framework-free HTTP response: produced by plain functions in lib/, served either by the
// custom server (server.ts) straight from memory or by Next route handlers (toWebResponse).
import crypto from "node:crypto";
import { appErrorForStatus, errorBody, HTTP_STATUS, toAppError } from "./errors";

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Edits must be visible everywhere within 5 s: this server's cache entries live ≤ 1 s
 * (and are dropped on every write), shared caches keep a copy 2 s and may serve it 2 s
 * more while they revalidate. Browsers always revalidate (cheap: ETag → 304). */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=2, stale-while-revalidate=2";

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match",
  "Access-Control-Expose-Headers": "ETag, Link",
  "Access-Control-Max-Age": "86400",
};

const API_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
};

export function etagOf(body: string): string {
  return `"${crypto.createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
}

function publicHeaders(status: number, contentType: string, extra: Record<string, string>, embeddable: boolean): Record<string, string> {
  return {
    "Content-Type": contentType,
    "Cache-Control": status === 200 ? PUBLIC_CACHE_CONTROL : "public, max-age=0, s-maxage=2",
    Vary: "Accept-Encoding",
    ...CORS_HEADERS,
    // Embeds bring their own CSP (frame-ancestors *) in `extra`.
    ...(embeddable ? {} : API_SECURITY_HEADERS),
    ...extra,
  };
}

/** A cacheable public response with its ETag. */
export function publicResponse(
  status: number,
  contentType: string,
  body: string,
  extra: Record<string, string> = {},
  { embeddable = false } = {},
): HttpResponse {
  return { status, headers: { ETag: etagOf(body), ...publicHeaders(status, contentType, extra, embeddable) }, body };
}

/**
 * A public 200 whose body is produced while it is sent, a page at a time (decision 045): too
 * large to hold whole, so it has no ETag and never enters the response cache; the caching
 * headers are those of any public response (with `extra`'s).
 */
export interface StreamedResponse {
  status: 200;
  headers: Record<string, string>;
  stream: ReadableStream<Uint8Array>;
}

export function streamedResponse(contentType: string, stream: ReadableStream<Uint8Array>, extra: Record<string, string> = {}): StreamedResponse {
  return { status: 200, headers: publicHeaders(200, contentType, extra, false), stream };
}

export const isStreamed = (response: HttpResponse | StreamedResponse): response is StreamedResponse => "stream" in response;

export function jsonResponse(status: number, value: unknown, extra: Record<string, string> = {}): HttpResponse {
  return publicResponse(status, "application/json; charset=utf-8", JSON.stringify(value), extra);
}

/**
 * The one error answer, for every route: the JSON shape of lib/http/errors.ts with its status,
 * never cached, readable cross-origin. An unforeseen error is logged and answered 500 without
 * its details. The (status, message) form is for callers outside any domain, such as the
 * custom server's malformed URL.
 */
export function errorResponse(error: unknown): HttpResponse;
export function errorResponse(status: number, message: string): HttpResponse;
export function errorResponse(errorOrStatus: unknown, message?: string): HttpResponse {
  const error = typeof errorOrStatus === "number" ? appErrorForStatus(errorOrStatus, message ?? "") : toAppError(errorOrStatus);
  if (error.code === "internal" && typeof errorOrStatus !== "number") console.error(errorOrStatus);
  const body = JSON.stringify(errorBody(error));
  return {
    status: HTTP_STATUS[error.code],
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      // The in-memory cache keeps 400/404 answers and tells versions apart by ETag.
      ETag: etagOf(body),
      ...CORS_HEADERS,
      ...API_SECURITY_HEADERS,
      ...(error.retryAfterSeconds !== undefined ? { "Retry-After": String(error.retryAfterSeconds) } : {}),
    },
    body,
  };
}

/** True when the request's If-None-Match names the response's ETag (weak comparison). */
export function isNotModified(ifNoneMatch: string | null | undefined, etag: string | undefined): boolean {
  if (!ifNoneMatch || !etag) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch === "*" || ifNoneMatch.split(",").some((tag) => strip(tag) === strip(etag));
}

const NOT_MODIFIED_HEADERS = ["ETag", "Cache-Control", "Vary", "Content-Location", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers"];

/** The response to send for a GET/HEAD with these conditional headers. */
export function conditional(response: HttpResponse, ifNoneMatch: string | null | undefined): HttpResponse {
  if (response.status !== 200 || !isNotModified(ifNoneMatch, response.headers.ETag)) return response;
  const headers: Record<string, string> = {};
  for (const name of NOT_MODIFIED_HEADERS) if (response.headers[name]) headers[name] = response.headers[name];
  return { status: 304, headers, body: "" };
}

export function toWebResponse(response: HttpResponse | StreamedResponse, method = "GET"): Response {
  if (isStreamed(response)) {
    if (method === "HEAD") void response.stream.cancel();
    return new Response(method === "HEAD" ? null : response.stream, { status: response.status, headers: response.headers });
  }
  const body = method === "HEAD" || response.status === 304 || response.status === 204 ? null : response.body;
  return new Response(body, { status: response.status, headers: response.headers });
}
