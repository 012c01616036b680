import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { LanguageSwitch } from "@/components/language-switch";
import { StatusIconSprite } from "@/components/status-badge";
import { getI18n } from "@/lib/i18n/request";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return {
    title: { default: t("layout.title"), template: "%s · Chancery" },
    description: t("layout.description"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { t, locale, dir, href } = await getI18n();
  return (
    <html lang={locale} dir={dir}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <StatusIconSprite />
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2">
          {t("layout.skip")}
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <Link href={href("/")} className="text-xl font-bold tracking-tight">
              Chancery
            </Link>
            <form action={href("/search")} method="get" role="search" aria-label={t("layout.searchLabel")} className="flex gap-2">
              <label htmlFor="site-search" className="sr-only">{t("layout.searchLabel")}</label>
              <input id="site-search" type="search" name="q" maxLength={200} placeholder={t("layout.searchPlaceholder")} className="w-48 rounded border border-slate-300 px-2 py-1 sm:w-64" />
              <button type="submit" className="rounded bg-slate-900 px-3 py-1 text-white">{t("layout.search")}</button>
            </form>
            <LanguageSwitch />
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 py-8 text-sm text-slate-600">
          {t("layout.footer")}{" "}
          <Link href={href("/docs/api")} className="underline">{t("layout.apiLink")}</Link>.
        </footer>
      </body>
    </html>
  );
}
