import Link from "next/link";
import { connection } from "next/server";
import { CountryName } from "@/components/country-name";
import { DataUpdated } from "@/components/data-updated";
import { ConfirmationTotals, StatusTotals } from "@/components/status-totals";
import { getHostCountrySummaries } from "@/lib/countries/queries";
import { getLatestChanges } from "@/lib/missions/queries";
import { ChangeList } from "./_components/change-list";

export default async function HomePage() {
  await connection();
  const now = new Date();
  const [hosts, changes] = await Promise.all([getHostCountrySummaries(now), getLatestChanges(10, now)]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="intro" className="space-y-3">
        <h1 id="intro" className="text-3xl font-bold tracking-tight">Which embassies are open?</h1>
        <p className="max-w-2xl text-slate-700">
          The status of diplomatic missions — open, limited or closed — with the reason, the source and the full history of
          every change.
        </p>
        <form action="/search" method="get" role="search" aria-label="Find a mission" className="flex max-w-xl gap-2">
          <label htmlFor="home-search" className="sr-only">Find a mission by country or city</label>
          <input id="home-search" type="search" name="q" maxLength={200} placeholder="e.g. Germany Kyiv" className="flex-1 rounded border border-slate-300 px-3 py-2" />
          <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white">Search</button>
        </form>
      </section>

      <section aria-labelledby="latest" className="space-y-3">
        <h2 id="latest" className="text-xl font-semibold">Latest changes</h2>
        <DataUpdated missions={changes.map((change) => ({ statusSince: change.effectiveAt, verifiedAt: null }))} />
        <ChangeList changes={changes} />
      </section>

      <section aria-labelledby="hosts" className="space-y-3">
        <h2 id="hosts" className="text-xl font-semibold">By host country</h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {hosts.map((host) => (
            <li key={host.code} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="text-lg font-semibold">
                <Link href={`/countries/${host.code}`} className="underline decoration-slate-300 underline-offset-2">
                  <CountryName code={host.code} name={host.name} />
                </Link>
                <span className="ml-2 text-sm font-normal text-slate-600">{host.missions} missions</span>
              </h3>
              <StatusTotals counts={host.counts} label={`Missions in ${host.name} per status`} />
              <ConfirmationTotals confirmed={host.confirmed} unconfirmed={host.unconfirmed} />
              <p className="text-sm text-slate-700">
                {host.cities.slice(0, 5).map((city, index) => (
                  <span key={city.city}>
                    {index > 0 && ", "}
                    <Link href={`/countries/${host.code}?city=${encodeURIComponent(city.city)}`} className="underline">
                      {city.city}
                    </Link>{" "}
                    ({city.total})
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
