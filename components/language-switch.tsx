import { LOCALE_NAMES, LOCALES, localePath } from "@/lib/i18n/locales";
import { useI18n } from "@/lib/i18n/request";

/** Links to this same page in every language (plain links: shareable, no JavaScript). */
export function LanguageSwitch() {
  const { t, locale, currentPath } = useI18n();
  return (
    <nav aria-label={t("layout.language")} className="text-sm">
      <ul className="flex flex-wrap gap-x-3">
        {LOCALES.map((other) => (
          <li key={other}>
            {other === locale ? (
              <span aria-current="page" className="font-semibold">{LOCALE_NAMES[other]}</span>
            ) : (
              <a href={localePath(other, currentPath)} lang={other} hrefLang={other} className="underline">{LOCALE_NAMES[other]}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
