// The reader's language in a server component: the proxy put it in a request header (from the
// URL's prefix, or negotiated from Accept-Language; decision 032). Server-only: public pages
// carry no client runtime, so no translation ever ships to the browser.
import "server-only";
import { cache, use } from "react";
import { headers } from "next/headers";
import { DEFAULT_LOCALE, isLocale, localePath, LOCALE_HEADER, LOCALE_PATH_HEADER, LOCALE_PREFIXED_HEADER, type Locale } from "./locales";
import { i18nFor, type I18n } from "./translator";

export interface RequestI18n extends I18n {
  /** A path of this site in the reader's language: prefixed when the page was. */
  href: (path: string) => string;
  /** This page's path and query, without a language prefix (for the language switch). */
  currentPath: string;
}

interface RequestLanguage {
  locale: Locale;
  prefixed: boolean;
  currentPath: string;
}

const requestLanguage = cache(async (): Promise<RequestLanguage> => {
  try {
    const requestHeaders = await headers();
    const locale = requestHeaders.get(LOCALE_HEADER);
    const currentPath = requestHeaders.get(LOCALE_PATH_HEADER) ?? "/";
    return { locale: isLocale(locale) ? locale : DEFAULT_LOCALE, prefixed: requestHeaders.get(LOCALE_PREFIXED_HEADER) === "1", currentPath: currentPath.startsWith("/") ? currentPath : "/" };
  } catch {
    // Rendered outside a request (a unit test): English.
    return { locale: DEFAULT_LOCALE, prefixed: false, currentPath: "/" };
  }
});

function withHref({ locale, prefixed, currentPath }: RequestLanguage): RequestI18n {
  return { ...i18nFor(locale), href: (path) => localePath(locale, path, prefixed), currentPath };
}

// Once per request: a table page asks for it from every cell's component.
const requestI18n = cache(async (): Promise<RequestI18n> => withHref(await requestLanguage()));

export async function getI18n(): Promise<RequestI18n> {
  return requestI18n();
}

/** For synchronous server components. */
export function useI18n(): RequestI18n {
  return use(requestI18n());
}
