import Link from "next/link";
import { escapeHtml as h } from "@/lib/http/escape";
import { sortByName } from "@/lib/i18n/collate";
import type { MissionFilters } from "@/lib/missions/filters";
import { MISSION_TYPES } from "@/lib/missions/types";
import { STATUS_FILTERS } from "@/lib/status/schema";
import { statusLabel } from "@/lib/status/wording";
import { cityNameIn } from "@/lib/i18n/city-names";
import { countryNameIn } from "@/lib/i18n/country-names";
import { useI18n } from "@/lib/i18n/request";

export interface FilterChoices {
  cities?: string[];
  hosts?: Array<{ code: string; name: string }>;
  sending?: Array<{ code: string; name: string }>;
}

/**
 * A `<select>` of a long list (every host or sending country: ~200 options) as one escaped
 * string, so React renders one element instead of hundreds (decision 054's reason). The same
 * markup as React's `<select defaultValue>` with its options (tests/unit/choice-select.test.tsx).
 */
export function ChoiceSelect({ name, selected, options, className }: { name: string; selected: string; options: ReadonlyArray<readonly [value: string, label: string]>; className: string }) {
  const html = options.map(([value, label]) => `<option value="${h(value)}"${value === selected ? ' selected=""' : ""}>${h(label)}</option>`).join("");
  return <select name={name} className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A plain GET form: filters live in the URL, work without JavaScript and can be shared. */
export function MissionFilterForm({ filters, choices, basePath, keep = {} }: { filters: MissionFilters; choices: FilterChoices; basePath: string; keep?: Record<string, string> }) {
  const i18n = useI18n();
  const { t, locale, href } = i18n;
  const field = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5";
  const countryOptions = (countries: Array<{ code: string; name: string }>) =>
    sortByName(countries.map((country) => [country.code, countryNameIn(country.code, locale, country.name)] as const), ([, name]) => name, locale);
  return (
    <form method="get" action={href(basePath)} role="search" aria-label={t("filters.label")} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="text-sm font-medium">
        {t("filters.search")}
        <input type="search" name="q" defaultValue={filters.q ?? ""} maxLength={200} placeholder={t("filters.searchPlaceholder")} className={field} />
      </label>
      {choices.hosts && (
        <label className="text-sm font-medium">
          {t("filters.host")}
          <ChoiceSelect name="host" selected={filters.host ?? ""} className={field} options={[["", t("filters.allHosts")], ...countryOptions(choices.hosts)]} />
        </label>
      )}
      {choices.cities && (
        <label className="text-sm font-medium">
          {t("filters.city")}
          <ChoiceSelect
            name="city"
            selected={filters.city ?? ""}
            className={field}
            options={[["", t("filters.allCities")], ...sortByName(choices.cities.map((city) => [city, cityNameIn(city, locale)] as const), ([, name]) => name, locale)]}
          />
        </label>
      )}
      {choices.sending && (
        <label className="text-sm font-medium">
          {t("filters.sending")}
          <ChoiceSelect name="sending" selected={filters.sending[0] ?? ""} className={field} options={[["", t("filters.allSending")], ...countryOptions(choices.sending)]} />
        </label>
      )}
      <label className="text-sm font-medium">
        {t("filters.type")}
        <select name="type" defaultValue={filters.type[0] ?? ""} className={field}>
          <option value="">{t("filters.allTypes")}</option>
          {MISSION_TYPES.map((type) => (
            <option key={type} value={type}>{t(`types.${type}`)}</option>
          ))}
        </select>
      </label>
      <fieldset className="text-sm sm:col-span-2">
        <legend className="font-medium">{t("filters.status")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {STATUS_FILTERS.map((status) => (
            <label key={status} className="inline-flex items-center gap-1.5">
              <input type="checkbox" name="status" value={status} defaultChecked={filters.status.includes(status)} className="h-4 w-4" />
              {statusLabel(status, i18n)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="text-sm sm:col-span-2">
        <label className="inline-flex items-center gap-1.5 font-medium">
          <input type="checkbox" name="confirmed" value="1" defaultChecked={filters.confirmed} aria-describedby="confirmed-help" className="h-4 w-4" />
          {t("filters.confirmed")}
        </label>
        <p id="confirmed-help" className="text-slate-600">{t("filters.confirmedHelp")}</p>
      </div>
      {filters.sort !== "sending" && <input type="hidden" name="sort" value={filters.sort} />}
      {filters.dir !== "asc" && <input type="hidden" name="dir" value={filters.dir} />}
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-2 lg:justify-end">
        <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2">
          {t("filters.apply")}
        </button>
        <Link href={href(Object.keys(keep).length ? `${basePath}?${new URLSearchParams(keep).toString()}` : basePath)} className="px-2 py-2 underline">{t("filters.clear")}</Link>
      </div>
    </form>
  );
}
