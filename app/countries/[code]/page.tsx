import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect, redirect } from "next/navigation";
import { MomentBanner, MomentProblem } from "@/components/moment-banner";
import { MomentForm } from "@/components/moment-form";
import { momentPageLinks, zoneOfRows } from "@/lib/history/page-links";
import { readPageMoment } from "@/lib/history/moment";
import { getMissionRowsAsOf } from "@/lib/history/page-reads";
import { CountryName } from "@/components/country-name";
import { SubscribeForm } from "@/components/subscribe-form";
import { getCountry } from "@/lib/countries/queries";
import { CountryCodeSchema } from "@/lib/countries/schema";
import { filtersToSearchParams, parseMissionFiltersLeniently, type SearchParams } from "@/lib/missions/filters";
import { selectMissions } from "@/lib/missions/filter-missions";
import { getScopeRows, pageOfRows } from "@/lib/missions/queries";
import { scopeFactsOf } from "@/lib/missions/scope-rows";
import { AFTER_PARAM, MissionsView } from "../../_components/missions-view";
import { EmbedBuilder } from "./_components/embed-builder";
import { getI18n } from "@/lib/i18n/request";
import { getReasonVersions } from "@/lib/i18n/reason-queries";
import { around, SLOT } from "@/lib/i18n/translator";
import { cityNameIn } from "@/lib/i18n/city-names";
import { countryNameIn } from "@/lib/i18n/country-names";

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { t, locale } = await getI18n();
  const country = await getCountry((await params).code.toUpperCase());
  if (!country) return { title: t("host.notFound") };
  const { city } = parseMissionFiltersLeniently(await searchParams);
  const name = countryNameIn(country.code, locale, country.name);
  return { title: t("host.metaTitle", { place: city ? `${cityNameIn(city, locale)}, ${name}` : name }) };
}

export default async function HostCountryPage({ params, searchParams }: Props) {
  const code = (await params).code;
  const shape = CountryCodeSchema.safeParse(code);
  if (!shape.success) notFound();
  if (code !== shape.data) permanentRedirect(`/countries/${shape.data}`);
  const country = await getCountry(code);
  if (!country) notFound();
  const query = await searchParams;
  const filters = { ...parseMissionFiltersLeniently(query), host: country.code };
  const basePath = `/countries/${country.code}`;
  const after = typeof query[AFTER_PARAM] === "string" ? query[AFTER_PARAM] : undefined;
  // Today's rows of the whole host: its zone places a moment typed in its local time, and
  // without a moment they are the page, its totals, map and choices (decision 052).
  const today = await getScopeRows({ hostCode: country.code }, new Date());
  const timeZone = zoneOfRows(today, filters.city);
  const { moment, keep, problem, redirectQuery } = readPageMoment(query, timeZone);
  if (redirectQuery) redirect(`${basePath}?${redirectQuery.toString()}`);
  const now = moment?.at ?? new Date();
  const rows = moment ? await getMissionRowsAsOf({ hostCode: country.code }, moment) : today;
  const page = pageOfRows(rows, filters, after);
  const filterParams = Object.fromEntries(filtersToSearchParams({ ...filters, host: undefined }));
  const links = momentPageLinks(basePath, filterParams, moment, { host: country.code, city: filters.city });
  const { lastUpdated, cities, sending } = scopeFactsOf(rows);
  // The map draws every matching mission, not only this page's.
  const mapRows = selectMissions(rows, filters).rows;
  const { t, locale, href } = await getI18n();
  const reasons = await getReasonVersions(page.rows, moment);
  const countryName = countryNameIn(country.code, locale, country.name);
  const heading = filters.city ? `${cityNameIn(filters.city, locale)}, ${countryName}` : countryName;
  const headingParts = around(t("host.heading", { place: SLOT }));
  return (
    <div className="space-y-4">
      <nav aria-label={t("layout.breadcrumb")} className="text-sm">
        <Link href={href("/")} className="underline">{t("host.allCountries")}</Link>
        {filters.city && (
          <>
            {" / "}
            <Link href={href(`/countries/${country.code}`)} className="underline">{countryName}</Link>
          </>
        )}
      </nav>
      <h1 className="text-2xl font-bold">
        {headingParts[0]}
        <CountryName code={country.code} name={country.name} localName={heading} />
        {headingParts[1]}
      </h1>
      {problem && <MomentProblem problem={problem} />}
      {moment && <MomentBanner moment={moment} timeZone={timeZone} {...links} />}
      <MomentForm action={basePath} moment={moment} timeZone={timeZone} keep={filterParams} zoneLabel={filters.city ? cityNameIn(filters.city, locale) : timeZone} />
      <MissionsView
        keep={keep}
        now={now}
        page={page}
        pageNumberHint={after ? "later" : "first"}
        lastUpdated={lastUpdated}
        filters={filters}
        basePath={basePath}
        columns={["sending", "city", "type", "status", "since", "reason", "source", "verified"]}
        choices={{ cities, sending }}
        caption={t("host.caption", { place: heading })}
        reasons={reasons}
        map={{ hostCode: country.code, hostName: countryName, placeName: heading, rows: mapRows }}
      />
      {filters.city && cities.includes(filters.city) ? (
        <SubscribeForm scope={{ "scope.kind": "city", "scope.hostCode": country.code, "scope.city": filters.city }} label={t("host.followAny", { place: cityNameIn(filters.city, locale) })} />
      ) : (
        <SubscribeForm scope={{ "scope.kind": "host", "scope.hostCode": country.code }} label={t("host.followAny", { place: countryName })} />
      )}
      <EmbedBuilder at={moment?.at.toISOString()} host={country.code} city={filters.city} sending={filters.sending} status={filters.status} type={filters.type} confirmed={filters.confirmed} placeName={heading} />
    </div>
  );
}
