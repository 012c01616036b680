// A path segment that is not percent-encoded UTF-8 (`/missions/%FF`) makes Next answer a bare
// text/plain 500 without security headers, so server.ts answers 400 before Next sees it.
import { BadRequestError } from "@/lib/errors";
import { STATIC_SECURITY_HEADERS } from "@/lib/security/headers";
import { errorResponse, type HttpResponse } from "./response";

export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const MESSAGE = "The address contains a percent-encoded sequence that is not valid UTF-8";

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Bad request — Chancery</title></head><body><main><h1>Bad request</h1><p>${MESSAGE}.</p><p><a href="/">Go to the Chancery home page</a></p></main></body></html>`;

const PAGE_HEADERS: Record<string, string> = {
  ...Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value])),
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "Cache-Control": "no-store",
};

/** 400: the API's JSON error under /api, a small HTML page elsewhere. */
export function malformedPathResponse(pathname: string): HttpResponse {
  if (pathname.startsWith("/api/")) return errorResponse(new BadRequestError(MESSAGE, { fields: [{ field: "path", message: "is not percent-encoded UTF-8" }] }));
  return { status: 400, headers: PAGE_HEADERS, body: PAGE };
}
