// Which requests are hot paths and the answers that need no data: pure, so the front process
// (server.ts) routes and answers them without loading the producers (lib/http/hot-paths.ts).
import { MethodNotAllowedError } from "@/lib/errors";
import { API_PREFIX, isStreamedApiPath } from "@/lib/api/paths";
import { CORS_HEADERS, errorResponse, type HttpResponse } from "./response";

export function isHotPath(pathname: string): boolean {
  return pathname.startsWith(`${API_PREFIX}/`) || pathname === "/embed" || pathname === "/embed.js" || pathname.startsWith("/embed/");
}

/** Whether a hot path is streamed (never cached: decision 045); check it before the cache. */
export const isStreamedPath = isStreamedApiPath;

export const PREFLIGHT: HttpResponse = { status: 204, headers: { ...CORS_HEADERS }, body: "" };
const ALLOWED_METHODS = ["GET", "HEAD", "OPTIONS"];
const notAllowed = errorResponse(new MethodNotAllowedError(ALLOWED_METHODS));
export const METHOD_NOT_ALLOWED: HttpResponse = { ...notAllowed, headers: { ...notAllowed.headers, Allow: ALLOWED_METHODS.join(", ") } };
