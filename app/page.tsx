import Link from "next/link";
import { connection } from "next/server";
import { CountryName } from "@/components/country-name";
import { DataUpdated } from "@/components/data-updated";
import { ConfirmationTotals, StatusTotals } from "@/components/status-totals";
import { getHostCities, getHostCountrySummaries } from "@/lib/countries/queries";
import { getLatestChanges } from "@/lib/missions/queries";
import { STATUS_FILTERS } from "@/lib/status/schema";
import { ChangeList } from "./_components/change-list";
import { HostTable, type HostRow } from "./_components/host-table";
import { redirect } from "next/navigation";
import { MomentBanner, MomentProblem } from "@/components/moment-banner";
import { momentPageLinks } from "@/lib/history/page-links";
import { momentParams, readPageMoment } from "@/lib/history/moment";
import { getHostCountsAsOf } from "@/lib/history/page-reads";
import { getI18n } from "@/lib/i18n/request";
import { cityNameIn } from "@/lib/i18n/city-names";
import { countryNameIn } from "@/lib/i18n/country-names";
import { statusLabelsIn } from "@/lib/status/wording";
import { sortByName } from "@/lib/i18n/collate";

const MAX_CARDS = 6;

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { moment, problem, redirectQuery } = readPageMoment(await searchParams, "UTC");
  if (redirectQuery) redirect(`/?${redirectQuery.toString()}`);
  const now = new Date();
  // At a moment only the host table's counts, counted in the database (decision 044).
  const present = moment ? null : await Promise.all([getHostCountrySummaries(now), getLatestChanges(10, now)]);
  const hosts = present ? present[0] : await getHostCountsAsOf(moment!);
  const changes = present?.[1] ?? [];
  const links = momentPageLinks("/", {}, moment);
  const kept = new URLSearchParams(momentParams(moment)).toString();
  // Cards only where it matters now: countries in crisis, then those of the latest changes (a
  // past view has neither: its crisis flags are today's, and it shows no latest changes).
  const recentHosts = new Set(changes.map((change) => change.mission.hostCode));
  const inCrisis = (host: { inCrisis: boolean }) => host.inCrisis;
  const featured = present ? [...present[0].filter(inCrisis), ...present[0].filter((host) => !inCrisis(host) && recentHosts.has(host.code))].slice(0, MAX_CARDS) : [];
  // Cities are shown on the cards only: counted for those few hosts, not the world.
  const cities = await getHostCities(featured.map((host) => host.code));
  const rows = hosts.map((host): HostRow => [host.code, host.name, host.missions, ...STATUS_FILTERS.map((status) => host.counts[status])] as HostRow);
  const i18n = await getI18n();
  const { t, locale, href } = i18n;
  const statusLabels = statusLabelsIn(i18n);
  const localRows = sortByName(
    rows.map(([code, name, ...counts]): HostRow => [code, countryNameIn(code, locale, name), ...counts] as HostRow),
    (row) => row[1],
    locale,
  );
  return (
    <div className="space-y-8">
      <section aria-labelledby="intro" className="space-y-3">
        <h1 id="intro" className="text-3xl font-bold tracking-tight">{t("home.heading")}</h1>
        <p className="max-w-2xl text-slate-700">{t("home.intro")}</p>
        <form action={href("/search")} method="get" role="search" aria-label={t("home.findLabel")} className="flex max-w-xl gap-2">
          <label htmlFor="home-search" className="sr-only">{t("home.findInput")}</label>
          <input id="home-search" type="search" name="q" maxLength={200} placeholder={t("home.findPlaceholder")} className="flex-1 rounded border border-slate-300 px-3 py-2" />
          <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white">{t("layout.search")}</button>
        </form>
      </section>

      {problem && <MomentProblem problem={problem} />}
      {moment && <MomentBanner moment={moment} timeZone="UTC" {...links} />}
      {!moment && (
        <section aria-labelledby="latest" className="space-y-3">
          <h2 id="latest" className="text-xl font-semibold">{t("home.latest")}</h2>
          <DataUpdated missions={changes.map((change) => ({ statusSince: change.effectiveAt, verifiedAt: null }))} />
          <ChangeList changes={changes} />
        </section>
      )}

      <section aria-labelledby="hosts" className="space-y-3">
        <h2 id="hosts" className="text-xl font-semibold">{t("home.featured")}</h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {featured.map((host) => (
            <li key={host.code} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="text-lg font-semibold">
                <Link href={href(`/countries/${host.code}${kept ? `?${kept}` : ""}`)} className="underline decoration-slate-300 underline-offset-2">
                  <CountryName code={host.code} name={host.name} />
                </Link>
                <span className="ms-2 text-sm font-normal text-slate-600">{t("home.missions", { count: host.missions })}{inCrisis(host) ? t("home.inCrisis") : ""}</span>
              </h3>
              <StatusTotals counts={host.counts} label={t("home.perStatus", { country: countryNameIn(host.code, locale, host.name) })} statusLabels={statusLabels} />
              <ConfirmationTotals confirmed={host.confirmed} unconfirmed={host.unconfirmed} statusLabels={statusLabels} labels={{ confirmed: t("view.confirmedRecently"), unconfirmed: t("view.notConfirmedRecently") }} />
              <p className="text-sm text-slate-700">
                {(cities.get(host.code) ?? []).slice(0, 5).map((city, index) => (
                  <span key={city.city}>
                    {index > 0 && ", "}
                    <Link href={href(`/countries/${host.code}?city=${encodeURIComponent(city.city)}${kept ? `&${kept}` : ""}`)} className="underline">
                      {cityNameIn(city.city, locale)}
                    </Link>
                    {` (${city.total})`}
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="all-hosts" className="space-y-3">
        <h2 id="all-hosts" className="text-xl font-semibold">{t("home.allHosts")}</h2>
        <HostTable
          rows={localRows}
          query={kept}
          pathPrefix={href("/countries/")}
          labels={{ caption: t("home.hostTableCaption"), country: t("home.country"), missions: t("home.missionsColumn"), statuses: statusLabels }}
        />
      </section>
    </div>
  );
}
