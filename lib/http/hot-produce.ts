// What answers a hot path (API, embed, embed scripts) from the database: run by the render
// process for the serving one (decision 037) and by the Next route handlers (`next dev`).
import type { Db } from "@/lib/db/create";
import { NotFoundError } from "@/lib/errors";
import { API_PREFIX, produceApiResponse } from "@/lib/api/handlers";
import { produceEmbedResponse } from "@/lib/embed/render";
import { LOADER_SCRIPT, RESIZE_SCRIPT, scriptResponse } from "@/lib/embed/scripts";
import { cachedHotResponse, METHOD_NOT_ALLOWED, PREFLIGHT, type HotProducer } from "./hot-paths";
import { conditional, errorResponse, toWebResponse } from "./response";
import type { Produced } from "./response-cache";

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

/** Producing from this process's database. */
export const producerFor =
  (db: () => Db): HotProducer =>
  (origin, url) =>
    produceHotResponse(db(), origin, url);

/** For Next route handlers: the same cached answer as the custom server gives. */
export async function handleHotRequest(request: Request, db: () => Db): Promise<Response> {
  if (request.method === "OPTIONS") return toWebResponse(PREFLIGHT);
  if (request.method !== "GET" && request.method !== "HEAD") return toWebResponse(METHOD_NOT_ALLOWED);
  const url = new URL(request.url);
  const entry = await cachedHotResponse(producerFor(db), request.headers.get("host"), url);
  // Next compresses responses itself.
  return toWebResponse(conditional(entry.response, request.headers.get("if-none-match")), request.method);
}
