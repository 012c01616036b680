import Link from "next/link";
import type { MissionFilters } from "@/lib/missions/filters";
import { MISSION_TYPES, MISSION_TYPE_LABELS } from "@/lib/missions/types";
import { STATUS_FILTERS, STATUS_LABELS } from "@/lib/status/schema";

export interface FilterChoices {
  cities?: string[];
  hosts?: Array<{ code: string; name: string }>;
  sending?: Array<{ code: string; name: string }>;
}

/** A plain GET form: filters live in the URL, work without JavaScript and can be shared. */
export function MissionFilterForm({ filters, choices, basePath, keep = {} }: { filters: MissionFilters; choices: FilterChoices; basePath: string; keep?: Record<string, string> }) {
  const field = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5";
  return (
    <form method="get" action={basePath} role="search" aria-label="Filter missions" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="text-sm font-medium">
        Search
        <input type="search" name="q" defaultValue={filters.q ?? ""} maxLength={200} placeholder="Country, city, reason…" className={field} />
      </label>
      {choices.hosts && (
        <label className="text-sm font-medium">
          Host country
          <select name="host" defaultValue={filters.host ?? ""} className={field}>
            <option value="">All host countries</option>
            {choices.hosts.map((country) => (
              <option key={country.code} value={country.code}>{country.name}</option>
            ))}
          </select>
        </label>
      )}
      {choices.cities && (
        <label className="text-sm font-medium">
          City
          <select name="city" defaultValue={filters.city ?? ""} className={field}>
            <option value="">All cities</option>
            {choices.cities.map((city) => (
              <option key={city} value={city}>{city}</option>
            ))}
          </select>
        </label>
      )}
      {choices.sending && (
        <label className="text-sm font-medium">
          Sending country
          <select name="sending" defaultValue={filters.sending[0] ?? ""} className={field}>
            <option value="">All sending countries</option>
            {choices.sending.map((country) => (
              <option key={country.code} value={country.code}>{country.name}</option>
            ))}
          </select>
        </label>
      )}
      <label className="text-sm font-medium">
        Type
        <select name="type" defaultValue={filters.type[0] ?? ""} className={field}>
          <option value="">All types</option>
          {MISSION_TYPES.map((type) => (
            <option key={type} value={type}>{MISSION_TYPE_LABELS[type]}</option>
          ))}
        </select>
      </label>
      <fieldset className="text-sm sm:col-span-2">
        <legend className="font-medium">Status</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {STATUS_FILTERS.map((status) => (
            <label key={status} className="inline-flex items-center gap-1.5">
              <input type="checkbox" name="status" value={status} defaultChecked={filters.status.includes(status)} className="h-4 w-4" />
              {STATUS_LABELS[status]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="text-sm sm:col-span-2">
        <label className="inline-flex items-center gap-1.5 font-medium">
          <input type="checkbox" name="confirmed" value="1" defaultChecked={filters.confirmed} aria-describedby="confirmed-help" className="h-4 w-4" />
          Only statuses confirmed recently
        </label>
        <p id="confirmed-help" className="text-slate-600">Hides statuses no source has confirmed within the freshness window.</p>
      </div>
      {filters.sort !== "sending" && <input type="hidden" name="sort" value={filters.sort} />}
      {filters.dir !== "asc" && <input type="hidden" name="dir" value={filters.dir} />}
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-2 lg:justify-end">
        <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2">
          Apply filters
        </button>
        <Link href={Object.keys(keep).length ? `${basePath}?${new URLSearchParams(keep).toString()}` : basePath} className="px-2 py-2 underline">Clear</Link>
      </div>
    </form>
  );
}
