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
import { getI18n } from "@/lib/i18n/request";
import { wallTimeToInstant, instantToWallTime } from "@/lib/zoned-time";

export const metadata: Metadata = { title: "What changed between two moments" };

type Query = Record<string, string | string[] | undefined>;
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The form sends UTC wall times (`from_local`, `to_local`); the canonical URL has instants. */
function canonicalFromForm(query: Query): string | null {
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
  return `/changes?${params.toString()}`;
}

export default async function ChangesPage({ searchParams }: { searchParams: Promise<Query> }) {
  await connection();
  const query = await searchParams;
  const canonical = canonicalFromForm(query);
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
  const { t } = await getI18n();
  const without = (names: string[]) => Object.fromEntries(Object.entries(record).filter(([name]) => !names.includes(name)));
  // Links through the pages keep the query and replace the cursor; the downloads hold every page.
  const pageHref = (cursor: string | null) => `/changes?${new URLSearchParams({ ...without(["cursor"]), ...(cursor ? { cursor } : {}) }).toString()}`;
  const downloadQuery = without(["cursor", "limit"]);
  const field = "mt-1 block rounded border border-slate-300 bg-white px-2 py-1.5";
  const apiQuery = new URLSearchParams(downloadQuery).toString();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">What changed between two moments</h1>
      <form method="get" action="/changes" aria-label="Choose two moments" data-print="hide" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <label className="text-sm font-medium">
          From (UTC)
          <input type="datetime-local" name="from_local" required defaultValue={parsed?.ok ? instantToWallTime(parsed.query.from, "UTC") : ""} className={field} />
        </label>
        <label className="text-sm font-medium">
          To (UTC)
          <input type="datetime-local" name="to_local" required defaultValue={parsed?.ok ? instantToWallTime(parsed.query.to, "UTC") : ""} className={field} />
        </label>
        <label className="text-sm font-medium">
          Host country code
          <input name="host" maxLength={2} defaultValue={record.host ?? ""} placeholder="UA" className={`${field} w-20 uppercase`} />
        </label>
        <label className="text-sm font-medium">
          City
          <input name="city" maxLength={100} defaultValue={record.city ?? ""} className={field} />
        </label>
        <label className="text-sm font-medium">
          Knowledge
          <select name="known" defaultValue={record.known ?? "now"} className={field}>
            <option value="now">As known now</option>
            <option value="then">As the public saw it then</option>
          </select>
        </label>
        <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white">Compare</button>
      </form>
      {parsed && !parsed.ok && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          <p>These moments cannot be compared:</p>
          <ul className="list-disc pl-5">
            {parsed.errors.map((error) => (
              <li key={error.field + error.message}><code>{error.field}</code> {error.message}</li>
            ))}
          </ul>
        </div>
      )}
      {parsed?.ok && (
        <section aria-labelledby="changed" className="space-y-3">
          <h2 id="changed" className="text-lg font-semibold">
            {page?.matching ?? 0} {page?.matching === 1 ? "mission" : "missions"} changed between <DateTime value={parsed.query.from} /> and <DateTime value={parsed.query.to} />
            {parsed.query.known === "then" ? " (as the public saw it then)" : ""}
          </h2>
          <p className="text-sm">
            Download: <a className="underline" href={`/api/v1/changes.csv?${apiQuery}`}>CSV</a> · <a className="underline" href={`/api/v1/changes?${apiQuery}`}>JSON</a>
          </p>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Missions whose status differs between the two moments</caption>
              <thead className="bg-slate-50 text-sm">
                <tr>
                  <th scope="col" className="px-3 py-2">Mission</th>
                  <th scope="col" className="px-3 py-2">Status at the start</th>
                  <th scope="col" className="px-3 py-2">Status at the end</th>
                  <th scope="col" className="px-3 py-2">Changes in between</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {changes.map(({ before, after, between }) => (
                  <tr key={after.id} data-mission={after.slug} className="align-top">
                    <th scope="row" className="px-3 py-2 font-normal">
                      <Link className="underline" href={`/missions/${after.slug}?at=${encodeURIComponent(parsed.query.to.toISOString())}${parsed.query.known === "then" ? "&known=then" : ""}`}>
                        {after.sendingName}, {after.city}
                      </Link>
                    </th>
                    <td className="px-3 py-2"><StatusBadge status={before?.status ?? null} /></td>
                    <td className="px-3 py-2"><StatusBadge status={after.status} /></td>
                    <td className="px-3 py-2 text-sm">
                      <ol className="space-y-1">
                        {between.map((entry) => (
                          <li key={entry.id} className="flex flex-wrap items-center gap-2">
                            <DateTime value={entry.effectiveAt} timeZone={after.timeZone} /> <StatusBadge status={entry.newStatus} />
                            {entry.reason && <span>{entry.reason}</span>}
                          </li>
                        ))}
                      </ol>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {changes.length === 0 && <p className="p-4 text-slate-600">No mission changed status between these moments.</p>}
          </div>
          {page && (page.next || parsed.page.after) && (
            <nav aria-label={t("view.pages")} className="flex gap-4 text-sm">
              {parsed.page.after && (
                <Link href={pageHref(null)} className="underline">
                  {t("view.firstPage")}
                </Link>
              )}
              {page.next && (
                <Link href={pageHref(encodeChangesCursor(page.next))} rel="next" className="underline">
                  {t("view.nextPage", { count: changes.length })}
                </Link>
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
