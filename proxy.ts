import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_HEADER, LOCALE_PASS_HEADER, LOCALE_PATH_HEADER, LOCALE_PREFIXED_HEADER, negotiateLocale, splitLocalePrefix } from "@/lib/i18n/locales";
import { contentSecurityPolicy } from "@/lib/security/headers";

const PASS_TOKEN = crypto.randomUUID();

/**
 * A fresh CSP nonce per page request; Next applies it to its own scripts. The language: a
 * `/uk/…` prefix is rewritten to the unprefixed route with the locale in a request header;
 * an unprefixed page follows `Accept-Language` and says it varies by it (decision 032).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, { isDev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // Next runs the proxy again for the rewritten path: that pass keeps what the first decided
  // (recognised by this process's token; a header sent from outside never matches it).
  const secondPass = request.headers.get(LOCALE_PASS_HEADER) === PASS_TOKEN;
  const { locale: prefixed, path } = secondPass ? { locale: null, path: request.nextUrl.pathname } : splitLocalePrefix(request.nextUrl.pathname);
  if (!secondPass) {
    requestHeaders.set(LOCALE_HEADER, prefixed ?? negotiateLocale(request.headers.get("accept-language")));
    requestHeaders.set(LOCALE_PREFIXED_HEADER, prefixed ? "1" : "0");
    requestHeaders.set(LOCALE_PATH_HEADER, `${path}${request.nextUrl.search}`);
    requestHeaders.set(LOCALE_PASS_HEADER, PASS_TOKEN);
  }
  const locale = requestHeaders.get(LOCALE_HEADER) ?? "en";
  const response = prefixed
    ? NextResponse.rewrite(new URL(`${path}${request.nextUrl.search}`, request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("Content-Language", locale);
  if (requestHeaders.get(LOCALE_PREFIXED_HEADER) !== "1") response.headers.append("Vary", "Accept-Language");
  return response;
}
export const config = {
  matcher: [
    {
      // Flags, icons and the small scripts set their own headers: a page-sized CSP on each of
      // a page's many tiny responses would cost more bytes than the responses (decision 024).
      source: "/((?!api/|_next/static|_next/image|favicon.ico|embed$|embed/|embed\\.js$|flags/|icons/|enhance/|serwist/|sw-register\\.js$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
