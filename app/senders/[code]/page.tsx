import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { CountryName } from "@/components/country-name";
import { SubscribeForm } from "@/components/subscribe-form";
import { getCountry } from "@/lib/countries/queries";
import { CountryCodeSchema } from "@/lib/countries/schema";
import { parseMissionFiltersLeniently, type SearchParams } from "@/lib/missions/filters";
import { getMissionRows } from "@/lib/missions/queries";
import { MissionsView, uniqueSorted } from "../../_components/missions-view";

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const country = await getCountry((await params).code.toUpperCase());
  return { title: country ? `Missions of ${country.name}` : "Country not found" };
}

export default async function SendingCountryPage({ params, searchParams }: Props) {
  const code = (await params).code;
  const shape = CountryCodeSchema.safeParse(code);
  if (!shape.success) notFound();
  if (code !== shape.data) permanentRedirect(`/senders/${shape.data}`);
  const country = await getCountry(code);
  if (!country) notFound();
  const filters = { ...parseMissionFiltersLeniently(await searchParams), sending: [country.code] };
  const now = new Date();
  const rows = await getMissionRows({ sendingCode: country.code }, now);
  const cities = uniqueSorted(rows.map((row) => row.city), (city) => city);
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="underline">All countries</Link>
      </nav>
      <h1 className="text-2xl font-bold">
        Missions of <CountryName code={country.code} name={country.name} /> abroad
      </h1>
      <MissionsView
        now={now}
        rows={rows}
        filters={filters}
        basePath={`/senders/${country.code}`}
        columns={["host", "city", "type", "status", "since", "reason", "source", "verified"]}
        choices={{ cities }}
        caption={`Diplomatic missions of ${country.name} and their status`}
      />
      <SubscribeForm scope={{ "scope.kind": "sending", "scope.sendingCode": country.code }} label={`any mission of ${country.name}`} />
    </div>
  );
}
