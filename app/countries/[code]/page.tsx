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
import { getMissionRows } from "@/lib/missions/queries";
import { MissionsView, uniqueSorted } from "../../_components/missions-view";
import { EmbedBuilder } from "./_components/embed-builder";

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const country = await getCountry((await params).code.toUpperCase());
  if (!country) return { title: "Country not found" };
  const { city } = parseMissionFiltersLeniently(await searchParams);
  return { title: `Missions in ${city ? `${city}, ` : ""}${country.name}` };
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
  const today = await getMissionRows({ hostCode: country.code }, new Date());
  const timeZone = zoneOfRows(today, filters.city);
  const { moment, keep, problem, redirectQuery } = readPageMoment(query, timeZone);
  if (redirectQuery) redirect(`${basePath}?${redirectQuery.toString()}`);
  const now = moment?.at ?? new Date();
  const rows = moment ? await getMissionRowsAsOf({ hostCode: country.code }, moment) : today;
  const filterParams = Object.fromEntries(filtersToSearchParams({ ...filters, host: undefined }));
  const links = momentPageLinks(basePath, filterParams, moment, { host: country.code, city: filters.city });
  const cities = uniqueSorted(rows.map((row) => row.city), (city) => city);
  const sending = uniqueSorted(rows.map((row) => ({ code: row.sendingCode, name: row.sendingName })), (c) => c.name);
  const heading = filters.city ? `${filters.city}, ${country.name}` : country.name;
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="underline">All countries</Link>
        {filters.city && (
          <>
            {" / "}
            <Link href={`/countries/${country.code}`} className="underline">{country.name}</Link>
          </>
        )}
      </nav>
      <h1 className="text-2xl font-bold">
        Missions in <CountryName code={country.code} name={heading} />
      </h1>
      {problem && <MomentProblem problem={problem} />}
      {moment && <MomentBanner moment={moment} timeZone={timeZone} {...links} />}
      <MomentForm action={basePath} moment={moment} timeZone={timeZone} keep={filterParams} zoneLabel={zoneLabel(timeZone, filters.city)} />
      <MissionsView
        keep={keep}
        now={now}
        rows={rows}
        filters={filters}
        basePath={basePath}
        columns={["sending", "city", "type", "status", "since", "reason", "source", "verified"]}
        choices={{ cities, sending }}
        caption={`Diplomatic missions in ${heading} and their status`}
        map={{ hostCode: country.code, hostName: country.name, placeName: heading }}
      />
      {filters.city && cities.includes(filters.city) ? (
        <SubscribeForm scope={{ "scope.kind": "city", "scope.hostCode": country.code, "scope.city": filters.city }} label={`any mission in ${filters.city}`} />
      ) : (
        <SubscribeForm scope={{ "scope.kind": "host", "scope.hostCode": country.code }} label={`any mission in ${country.name}`} />
      )}
      <EmbedBuilder at={moment?.at.toISOString()} host={country.code} city={filters.city} sending={filters.sending} status={filters.status} type={filters.type} confirmed={filters.confirmed} placeName={heading} />
    </div>
  );
}

/** "Kyiv" when a city is chosen; otherwise the zone's own name ("Europe/Kyiv"). */
function zoneLabel(timeZone: string, city: string | undefined): string {
  return city ?? timeZone;
}
