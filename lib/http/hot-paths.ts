// The public, cacheable paths (API, embed, embed scripts): one entry point used by both the
// custom server (before Next's pipeline) and the Next route handlers (so `next dev` works).
import type { Db } from "@/lib/db/create";
import { NotFoundError } from "@/lib/errors";
import { API_PREFIX, produceApiResponse, produceStreamedApiResponse } from "@/lib/api/handlers";
import { produceEmbedResponse } from "@/lib/embed/render";
import { LOADER_SCRIPT, RESIZE_SCRIPT, scriptResponse } from "@/lib/embed/scripts";
import { conditional, errorResponse, toWebResponse, type HttpResponse, type StreamedResponse } from "./response";
import { publicOrigin } from "./origin";
import { cacheKey, type CachedResponse, type Produced } from "./response-cache";
import { getResponseCache } from "./process-cache";
import { isStreamedPath, METHOD_NOT_ALLOWED, PREFLIGHT } from "./hot-path-rules";

export { isHotPath, isStreamedPath, METHOD_NOT_ALLOWED, PREFLIGHT } from "./hot-path-rules";

/** The answer to a hot path; a thrown error (a busy database, say) is answered, never cached. */
export async function produceHotResponse(db: Db, origin: string, url: URL): Promise<Produced> {
  const path = url.pathname;
  try {
    if (path === "/embed.js") return scriptResponse(LOADER_SCRIPT);
    if (path === "/embed/resize.js") return scriptResponse(RESIZE_SCRIPT);
    if (path === "/embed" || path === "/embed/") return await produceEmbedResponse({ db, origin }, url);
    if (path.startsWith(`${API_PREFIX}/`)) return await produceApiResponse({ db, origin }, url);
    return { response: errorResponse(new NotFoundError("Not found")), tags: [] };
  } catch (error) {
    return { response: errorResponse(error), tags: [] };
  }
}

/** Cached entry for a request (producing it on a miss). */
export function cachedHotResponse(db: () => Db, host: string | null | undefined, url: URL): CachedResponse | Promise<CachedResponse> {
  const origin = publicOrigin(host);
  return cachedFor(db, origin, url, cacheKey(origin, url));
}

function cachedFor(db: () => Db, origin: string, url: URL, key: string): CachedResponse | Promise<CachedResponse> {
  const cache = getResponseCache();
  return cache.lookup(key, () => produceHotResponse(db(), origin, url));
}

/** The answer of a streamed path (isStreamedPath); a thrown error before the first byte is answered. */
export async function produceStreamedResponse(db: Db, host: string | null | undefined, url: URL): Promise<HttpResponse | StreamedResponse> {
  try {
    return await produceStreamedApiResponse({ db, origin: publicOrigin(host) }, url);
  } catch (error) {
    return errorResponse(error);
  }
}

/** For Next route handlers: the same cached answer as the custom server gives. */
export async function handleHotRequest(request: Request, db: () => Db): Promise<Response> {
  if (request.method === "OPTIONS") return toWebResponse(PREFLIGHT);
  if (request.method !== "GET" && request.method !== "HEAD") return toWebResponse(METHOD_NOT_ALLOWED);
  const url = new URL(request.url);
  if (isStreamedPath(url.pathname)) return toWebResponse(await produceStreamedResponse(db(), request.headers.get("host"), url), request.method);
  const entry = await cachedHotResponse(db, request.headers.get("host"), url);
  // Next compresses responses itself.
  return toWebResponse(conditional(entry.response, request.headers.get("if-none-match")), request.method);
}
