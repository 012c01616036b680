import type { Metadata, Viewport } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Chancery — which embassies are open", template: "%s · Chancery" },
  description: "Open, limited or closed: the status of diplomatic missions, with sources and history.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <Link href="/" className="text-xl font-bold tracking-tight">
              Chancery
            </Link>
            <form action="/search" method="get" role="search" aria-label="Search missions" className="flex gap-2">
              <label htmlFor="site-search" className="sr-only">Search missions</label>
              <input id="site-search" type="search" name="q" maxLength={200} placeholder="Search missions…" className="w-48 rounded border border-slate-300 px-2 py-1 sm:w-64" />
              <button type="submit" className="rounded bg-slate-900 px-3 py-1 text-white">Search</button>
            </form>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 py-8 text-sm text-slate-600">
          Chancery is open source. Mission data: Wikidata contributors, via database-of-embassies (CC0). Statuses cite
          their sources; times are shown in the host city&apos;s time zone and in UTC.{" "}
          <Link href="/docs/api" className="underline">Open data API and embeds</Link>.
        </footer>
      </body>
    </html>
  );
}
