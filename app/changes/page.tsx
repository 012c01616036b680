import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { DateTime } from "@/components/date-time";
import { StatusBadge } from "@/components/status-badge";
import { parseChangesQuery } from "@/lib/history/changes-api";
import { instantInZone } from "@/lib/history/moment";
import { encodeChangesCursor } from "@/lib/history/changes-page";
import { getChangesPage } from "@/lib/history/page-reads";
import { wallTimeToInstant, instantToWallTime } from "@/lib/zoned-time";
import { KnownSelect } from "@/components/moment-form";
import { getI18n } from "@/lib/i18n/request";
import { cityNameIn } from "@/lib/i18n/city-names";
import { countryNameIn } from "@/lib/i18n/country-names";
import { statusLabel } from "@/lib/status/wording";
import { ReasonText } from "@/components/reason-text";
import { getReasonVersions } from "@/lib/i18n/reason-queries";
import { reasonKey } from "@/lib/i18n/reason-key";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t("changes.title") };
}

type Query = Record<string, string | string[] | undefined>;
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The form sends UTC wall times (`from_local`, `to_local`); the canonical URL has instants. */
function canonicalFromForm(query: Query, href: (path: string) => string): string | null {
  if (single(query.from_local) === undefined && single(query.to_local) === undefined) return null;
  const params = new URLSearchParams();
  for (const name of ["host", "city", "known"]) {
    const value = single(query[name])?.trim();
    if (value && !(name === "known" && value === "now")) params.set(name, value);
  }
  for (const name of ["from", "to"] as const) {
    const local = single(query[`${name}_local`]);
    const instant = local ? wallTimeToInstant(local, "UTC") : undefined;
    if (instant) params.set(name, instantInZone(instant, "UTC"));
  }
  return href(`/changes?${params.toString()}`);
}

export default async function ChangesPage({ searchParams }: { searchParams: Promise<Query> }) {
  await connection();
  const query = await searchParams;
  const i18n = await getI18n();
  const { t, locale, href } = i18n;
  const canonical = canonicalFromForm(query, href);
  if (canonical) redirect(canonical);
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    const text = single(value)?.trim();
    if (text) record[name] = text;
  }
  const asked = Object.keys(record).length > 0;
  if (asked && !record.to) record.to = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const parsed = asked ? parseChangesQuery(record) : null;
  const page = parsed?.ok ? await getChangesPage(parsed.query, parsed.page) : null;
  const changes = page?.changes ?? [];
  // As known then: the texts readers saw at moment B.
  const known = parsed?.ok ? { at: parsed.query.to, known: parsed.query.known } : null;
  const reasons = await getReasonVersions(
    changes.flatMap(({ after, between }) => between.map((entry) => ({ id: after.id, statusReason: entry.reason }))),
    known,
  );
  const without = (names: string[]) => Object.fromEntries(Object.entries(record).filter(([name]) => !names.includes(name)));
  // Links through the pages keep the query and replace the cursor; the downloads hold every page.
  const pageHref = (cursor: string | null) => href(`/changes?${new URLSearchParams({ ...without(["cursor"]), ...(cursor ? { cursor } : {}) }).toString()}`);
  const downloadQuery = without(["cursor", "limit"]);
  const field = "mt-1 block rounded border border-slate-300 bg-white px-2 py-1.5";
  const apiQuery = new URLSearchParams(downloadQuery).toString();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("changes.title")}</h1>
      <form method="get" action={href("/changes")} aria-label={t("changes.formLabel")} data-print="hide" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <label className="text-sm font-medium">
          {t("changes.from")}
          <input type="datetime-local" name="from_local" required defaultValue={parsed?.ok ? instantToWallTime(parsed.query.from, "UTC") : ""} className={field} />
        </label>
        <label className="text-sm font-medium">
          {t("changes.to")}
          <input type="datetime-local" name="to_local" required defaultValue={parsed?.ok ? instantToWallTime(parsed.query.to, "UTC") : ""} className={field} />
        </label>
        <label className="text-sm font-medium">
          {t("changes.hostCode")}
          <input name="host" maxLength={2} defaultValue={record.host ?? ""} placeholder="UA" className={`${field} w-20 uppercase`} />
        </label>
        <label className="text-sm font-medium">
          {t("table.city")}
          <input name="city" maxLength={100} defaultValue={record.city ?? ""} className={field} />
        </label>
        <KnownSelect value={record.known ?? "now"} className={field} />
        <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white">{t("changes.compare")}</button>
      </form>
      {parsed && !parsed.ok && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          <p>{t("changes.invalid")}</p>
          <ul className="list-disc pl-5">
            {parsed.errors.map((error) => (
              <li key={error.field + error.message}><code>{error.field}</code> <span lang="en">{error.message}</span></li>
            ))}
          </ul>
        </div>
      )}
      {parsed?.ok && (
        <section aria-labelledby="changed" className="space-y-3">
          <h2 id="changed" className="text-lg font-semibold">
            {t.rich(parsed.query.known === "then" ? "changes.headingThen" : "changes.heading", {
              count: page?.matching ?? 0,
              from: () => <DateTime value={parsed.query.from} locale={locale} />,
              to: () => <DateTime value={parsed.query.to} locale={locale} />,
            })}
          </h2>
          <p className="text-sm">
            {t("changes.download")} <a className="underline" href={`/api/v1/changes.csv?${apiQuery}`}>CSV</a> · <a className="underline" href={`/api/v1/changes?${apiQuery}`}>JSON</a>
          </p>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">{t("changes.caption")}</caption>
              <thead className="bg-slate-50 text-sm">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("changes.mission")}</th>
                  <th scope="col" className="px-3 py-2">{t("changes.atStart")}</th>
                  <th scope="col" className="px-3 py-2">{t("changes.atEnd")}</th>
                  <th scope="col" className="px-3 py-2">{t("changes.between")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {changes.map(({ before, after, between }) => (
                  <tr key={after.id} data-mission={after.slug} className="align-top">
                    <th scope="row" className="px-3 py-2 font-normal">
                      <Link className="underline" href={href(`/missions/${after.slug}?at=${encodeURIComponent(parsed.query.to.toISOString())}${parsed.query.known === "then" ? "&known=then" : ""}`)}>
                        {countryNameIn(after.sendingCode, locale, after.sendingName)}, {cityNameIn(after.city, locale)}
                      </Link>
                    </th>
                    <td className="px-3 py-2"><StatusBadge status={before?.status ?? null} label={statusLabel(before?.status ?? null, i18n)} /></td>
                    <td className="px-3 py-2"><StatusBadge status={after.status} label={statusLabel(after.status, i18n)} /></td>
                    <td className="px-3 py-2 text-sm">
                      <ol className="space-y-1">
                        {between.map((entry) => (
                          <li key={entry.id} className="flex flex-wrap items-center gap-2">
                            <DateTime value={entry.effectiveAt} timeZone={after.timeZone} locale={locale} /> <StatusBadge status={entry.newStatus} label={statusLabel(entry.newStatus, i18n)} />
                            {entry.reason && <span><ReasonText reason={entry.reason} versions={reasons.get(reasonKey(after.id, entry.reason))} /></span>}
                          </li>
                        ))}
                      </ol>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {changes.length === 0 && <p className="p-4 text-slate-600">{t("changes.none")}</p>}
          </div>
          {page && (page.next || parsed.page.after) && (
            <nav aria-label={t("view.pages")} className="flex gap-4 text-sm">
              {parsed.page.after && (
                <a href={pageHref(null)} className="underline">
                  {t("view.firstPage")}
                </a>
              )}
              {page.next && (
                <a href={pageHref(encodeChangesCursor(page.next))} rel="next" className="underline">
                  {t("view.nextPage", { count: changes.length })}
                </a>
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
