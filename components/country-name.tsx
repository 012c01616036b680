import { flagImagePath } from "@/lib/countries/flags";
import { countryNameIn } from "@/lib/i18n/country-names";
import { useI18n } from "@/lib/i18n/request";

/** A country's name with its flag; the flag is decorative (the name is the text). `name` is the
 * English (stored) name; the reader sees the name in their language, or `localName` as given. */
export function CountryName({ code, name, localName }: { code: string; name: string; localName?: string }) {
  const { locale } = useI18n();
  const flag = flagImagePath(code);
  return (
    <span className="inline-flex items-baseline gap-1.5">
      {flag ? (
        // A plain lazy <img>: an SVG needs no resizing, and flags below the fold cost nothing
        // on a first visit (next/image would add its client runtime and an optimiser route).
        // eslint-disable-next-line @next/next/no-img-element
        <img src={flag} alt="" width={18} height={12} loading="lazy" decoding="async" className="inline-block h-3 w-[18px] shrink-0 self-center rounded-[1px] outline outline-1 -outline-offset-1 outline-black/15" />
      ) : (
        <span aria-hidden="true" data-flag="none" className="inline-block h-3 w-[18px] shrink-0 self-center rounded-[1px] border border-dashed border-current opacity-50" />
      )}
      <span>{localName ?? countryNameIn(code, locale, name)}</span>
    </span>
  );
}
