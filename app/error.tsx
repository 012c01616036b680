"use client";

import { i18nFor } from "@/lib/i18n/translator";
import { isLocale } from "@/lib/i18n/locales";

/** A client boundary cannot read the request: the page's own <html lang> names the language. */
function pageLocale() {
  const lang = typeof document === "undefined" ? null : document.documentElement.lang;
  return isLocale(lang) ? lang : "en";
}

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const { t } = i18nFor(pageLocale());
  return (
    <div className="space-y-3" role="alert">
      <h1 className="text-2xl font-bold">{t("errors.title")}</h1>
      <p>{t("errors.body")}</p>
      <button type="button" onClick={reset} className="rounded bg-slate-900 px-4 py-2 text-white">{t("errors.retry")}</button>
    </div>
  );
}
