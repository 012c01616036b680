// Revalidation for the cached public pages (issue 13 item 4): a reload over a bad link costs a
// 304 and no body. The ETag hashes the stored render without its CSP nonce (a fresh one is
// spliced into every response), so it changes only when the page's content does.
import crypto from "node:crypto";
import type http from "node:http";
import { nonceOf } from "./lite-html";
import type { CachedResponse } from "./response-cache";
import { sendNotModified } from "./send";

/** Browsers (and the service worker) keep the page but ask again every time; cheap with an ETag. */
export const PAGE_CACHE_CONTROL = "no-cache";
const etags = new WeakMap<CachedResponse, string>();

export function pageEtag(entry: CachedResponse): string {
  let etag = etags.get(entry);
  if (!etag) {
    const nonce = nonceOf(entry.response.headers["content-security-policy"]);
    // Hashed part by part: joining the parts of a 170 KB page again cost more than hashing it.
    const hash = crypto.createHash("sha1");
    for (const part of nonce ? entry.response.body.split(nonce) : [entry.response.body]) hash.update(part);
    etag = `W/"${hash.digest("base64url").slice(0, 22)}"`;
    etags.set(entry, etag);
  }
  return etag;
}

/** Headers every 200 page response carries. */
export function pageRevalidationHeaders(entry: CachedResponse): Record<string, string> {
  return entry.response.status === 200 ? { "cache-control": PAGE_CACHE_CONTROL, etag: pageEtag(entry) } : {};
}

/**
 * Answers 304 when the browser already holds this render (through the one 304 helper,
 * lib/http/send.ts); true when it did. The 304 carries no CSP: the browser keeps the stored
 * one, whose nonce matches the stored body.
 */
export function answeredNotModified(req: http.IncomingMessage, res: http.ServerResponse, entry: CachedResponse): boolean {
  return sendNotModified(req, res, entry.response.status, pageEtag(entry), { "cache-control": PAGE_CACHE_CONTROL, etag: pageEtag(entry) });
}
