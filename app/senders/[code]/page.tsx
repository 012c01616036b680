import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect, redirect } from "next/navigation";
import { MomentBanner, MomentProblem } from "@/components/moment-banner";
import { momentPageLinks } from "@/lib/history/page-links";
import { readPageMoment } from "@/lib/history/moment";
import { getMissionRowsAsOf } from "@/lib/history/page-reads";
import { CountryName } from "@/components/country-name";
import { SubscribeForm } from "@/components/subscribe-form";
import { getCountry } from "@/lib/countries/queries";
import { CountryCodeSchema } from "@/lib/countries/schema";
import { filtersToSearchParams, parseMissionFiltersLeniently, type SearchParams } from "@/lib/missions/filters";
import { getScopeRows, pageOfRows } from "@/lib/missions/queries";
import { scopeFactsOf } from "@/lib/missions/scope-rows";
import { AFTER_PARAM, MissionsView } from "../../_components/missions-view";
import { getI18n } from "@/lib/i18n/request";
import { getReasonVersions } from "@/lib/i18n/reason-queries";
import { around, SLOT } from "@/lib/i18n/translator";
import { countryNameIn } from "@/lib/i18n/country-names";

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [country, { t, locale }] = await Promise.all([getCountry((await params).code.toUpperCase()), getI18n()]);
  return { title: country ? t("sender.metaTitle", { country: countryNameIn(country.code, locale, country.name) }) : t("host.notFound") };
}

export default async function SendingCountryPage({ params, searchParams }: Props) {
  const code = (await params).code;
  const shape = CountryCodeSchema.safeParse(code);
  if (!shape.success) notFound();
  if (code !== shape.data) permanentRedirect(`/senders/${shape.data}`);
  const country = await getCountry(code);
  if (!country) notFound();
  const query = await searchParams;
  const filters = { ...parseMissionFiltersLeniently(query), sending: [country.code] };
  const basePath = `/senders/${country.code}`;
  // Missions abroad span zones: moments are shown in UTC here.
  const { moment, keep, problem, redirectQuery } = readPageMoment(query, "UTC");
  if (redirectQuery) redirect(`${basePath}?${redirectQuery.toString()}`);
  const now = moment?.at ?? new Date();
  const after = typeof query[AFTER_PARAM] === "string" ? query[AFTER_PARAM] : undefined;
  const rows = moment ? await getMissionRowsAsOf({ sendingCode: country.code }, moment) : await getScopeRows({ sendingCode: country.code }, now);
  const page = pageOfRows(rows, filters, after);
  const { lastUpdated, cities } = scopeFactsOf(rows);
  const filterParams = Object.fromEntries(filtersToSearchParams({ ...filters, sending: [] }));
  const links = momentPageLinks(basePath, filterParams, moment);
  const { t, locale, href } = await getI18n();
  const reasons = await getReasonVersions(page.rows, moment);
  const countryName = countryNameIn(country.code, locale, country.name);
  const headingParts = around(t("sender.heading", { country: SLOT }));
  return (
    <div className="space-y-4">
      <nav aria-label={t("layout.breadcrumb")} className="text-sm">
        <Link href={href("/")} className="underline">{t("host.allCountries")}</Link>
      </nav>
      <h1 className="text-2xl font-bold">
        {headingParts[0]}
        <CountryName code={country.code} name={country.name} />
        {headingParts[1]}
      </h1>
      {problem && <MomentProblem problem={problem} />}
      {moment && <MomentBanner moment={moment} timeZone="UTC" nowHref={links.nowHref} switchKnownHref={links.switchKnownHref} />}
      <MissionsView
        keep={keep}
        now={now}
        page={page}
        pageNumberHint={after ? "later" : "first"}
        lastUpdated={lastUpdated}
        filters={filters}
        basePath={basePath}
        columns={["host", "city", "type", "status", "since", "reason", "source", "verified"]}
        choices={{ cities }}
        caption={t("sender.caption", { country: countryName })}
        reasons={reasons}
      />
      <SubscribeForm scope={{ "scope.kind": "sending", "scope.sendingCode": country.code }} label={t("sender.follow", { country: countryName })} />
    </div>
  );
}
