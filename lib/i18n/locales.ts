// The interface languages. Adding one = adding messages/<code>.json and its code here
// (tests/unit/messages.test.ts checks every file has every key). Pure: used by the custom
// server, the proxy, pages, the embed and the API.
export const LOCALES = ["en", "uk", "de", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The locale the proxy resolved for a request (decision 032); never taken from outside. */
export const LOCALE_HEADER = "x-chancery-locale";
/** "1" when the locale came from the URL's prefix, so the page's links keep the prefix. */
export const LOCALE_PREFIXED_HEADER = "x-chancery-locale-prefixed";

/** The page's path and query without the language prefix, for the language switch. */
export const LOCALE_PATH_HEADER = "x-chancery-path";
/** Marks the second pass of a prefixed page: Next sends its rewrite back over HTTP to the front (proxy.ts). */
export const LOCALE_PASS_HEADER = "x-chancery-locale-pass";

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(["ar"]);

/** Each language's own name, for the switch (shown in that language, whatever the page's). */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", uk: "Українська", de: "Deutsch", ar: "العربية" };

export function isLocale(value: string | null | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? "");
}

export function directionOf(locale: Locale): "ltr" | "rtl" {
  return RIGHT_TO_LEFT.has(locale) ? "rtl" : "ltr";
}

const PREFIX = new RegExp(`^/(${LOCALES.join("|")})(?=/|$)`);

/** `/uk/countries/UA` → { locale: "uk", path: "/countries/UA" }; no prefix → locale null. */
export function splitLocalePrefix(pathname: string): { locale: Locale | null; path: string } {
  const match = PREFIX.exec(pathname);
  if (!match) return { locale: null, path: pathname };
  return { locale: match[1] as Locale, path: pathname.slice(match[0].length) || "/" };
}

/** A path in a language: `/uk/countries/UA`; with `prefixed` false the path as it is. */
export function localePath(locale: Locale, path: string, prefixed = true): string {
  if (!prefixed) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

/**
 * The best of our languages for an `Accept-Language` header (RFC 9110 q-values; a region
 * matches its language: "de-AT" → de); English when none matches.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranges = acceptLanguage
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", q: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.q > 0 && Number.isFinite(range.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges.map((range) => range.language).find(isLocale) ?? DEFAULT_LOCALE;
}
