import { countByMapStatus, mapStatuses, MAP_STATUSES, type MapRow } from "@/lib/map/map-status";
import { legendSwatch, statusMapSvg } from "@/lib/map/render-map";
import { countryNameIn } from "@/lib/i18n/country-names";
import { useI18n } from "@/lib/i18n/request";

/**
 * The sending countries of a host's missions on a world map, by status. A server-rendered SVG
 * (no client JavaScript); the legend is words, and the table it points to says it all in text.
 */
export function StatusMap({ hostCode, hostName, placeName, rows, tableId }: { hostCode: string; hostName: string; placeName: string; rows: readonly MapRow[]; tableId: string }) {
  const { t, locale } = useI18n();
  const statuses = mapStatuses(rows);
  const counts = countByMapStatus(statuses);
  const { svg, missing } = statusMapSvg({ hostCode, statuses, title: t("map.title", { place: placeName }), detailsId: tableId });
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3" aria-labelledby="status-map-caption">
      <div dangerouslySetInnerHTML={{ __html: svg }} className="[&_svg]:h-auto [&_svg]:w-full" />
      <figcaption id="status-map-caption" className="mt-2 space-y-1 text-sm">
        <span className="font-semibold">{t("map.caption", { place: placeName })} </span>
        <a href={`#${tableId}`} className="underline">{t("map.toTable")}</a>
        <ul aria-label={t("map.legend")} className="flex flex-wrap gap-x-4 gap-y-1" data-map-legend>
          {MAP_STATUSES.map((status) => (
            <li key={status} className="inline-flex items-center gap-1.5" data-map-status={status}>
              <span dangerouslySetInnerHTML={{ __html: legendSwatch(status) }} className="inline-flex" />
              {t(`map.${status}`)}
              {status !== "none" && <span className="tabular-nums text-slate-600">({counts[status]})</span>}
            </li>
          ))}
          <li className="inline-flex items-center gap-1.5" data-map-status="host">
            <span dangerouslySetInnerHTML={{ __html: legendSwatch("host") }} className="inline-flex" />
            {t("map.host", { country: countryNameIn(hostCode, locale, hostName) })}
          </li>
        </ul>
        {missing.length > 0 && <span className="block text-slate-600">{t("map.missing", { countries: missing.join(", ") })}</span>}
      </figcaption>
    </figure>
  );
}
