import { flagImagePath } from "@/lib/countries/flags";
import { countryNameIn } from "@/lib/i18n/country-names";
import { useI18n } from "@/lib/i18n/request";
import type { Locale } from "@/lib/i18n/locales";

/** The flag's image path (none for entities without one) and the name the reader sees; shared
 * with the table rows' HTML. */
export function countryShown(code: string, name: string, locale: Locale, localName?: string): { flag: string | undefined; text: string } {
  return { flag: flagImagePath(code), text: localName ?? countryNameIn(code, locale, name) };
}

/** A country's name with its flag; the flag is decorative (the name is the text). `name` is the
 * English (stored) name; the reader sees the name in their language, or `localName` as given. */
export function CountryName({ code, name, localName }: { code: string; name: string; localName?: string }) {
  const { flag, text } = countryShown(code, name, useI18n().locale, localName);
  return (
    <span className="country">
      {flag ? (
        // A plain lazy <img>: an SVG needs no resizing, and flags below the fold cost nothing
        // on a first visit (next/image would add its client runtime and an optimiser route).
        // eslint-disable-next-line @next/next/no-img-element
        <img src={flag} alt="" width={18} height={12} loading="lazy" decoding="async" className="flag" />
      ) : (
        <span aria-hidden="true" data-flag="none" className="flag flag-none" />
      )}
      {text}
    </span>
  );
}
