import { countByMapStatus, mapStatuses, MAP_STATUSES, type MapRow } from "@/lib/map/map-status";
import { legendSwatch, MAP_LEGEND, statusMapSvg } from "@/lib/map/render-map";

/**
 * The sending countries of a host's missions on a world map, by status. A server-rendered SVG
 * (no client JavaScript); the legend is words, and the table it points to says it all in text.
 */
export function StatusMap({ hostCode, hostName, placeName, rows, tableId }: { hostCode: string; hostName: string; placeName: string; rows: readonly MapRow[]; tableId: string }) {
  const statuses = mapStatuses(rows);
  const counts = countByMapStatus(statuses);
  const { svg, missing } = statusMapSvg({
    hostCode,
    statuses,
    title: `Map of the countries with missions in ${placeName}, by status; the table below lists them in text`,
    detailsId: tableId,
  });
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3" aria-labelledby="status-map-caption">
      <div dangerouslySetInnerHTML={{ __html: svg }} className="[&_svg]:h-auto [&_svg]:w-full" />
      <figcaption id="status-map-caption" className="mt-2 space-y-1 text-sm">
        <span className="font-semibold">Where the missions in {placeName} come from, by status. </span>
        <a href={`#${tableId}`} className="underline">The table below gives each mission in text.</a>
        <ul aria-label="Map legend" className="flex flex-wrap gap-x-4 gap-y-1" data-map-legend>
          {MAP_STATUSES.map((status) => (
            <li key={status} className="inline-flex items-center gap-1.5" data-map-status={status}>
              <span dangerouslySetInnerHTML={{ __html: legendSwatch(status) }} className="inline-flex" />
              {MAP_LEGEND[status]}
              {status !== "none" && <span className="tabular-nums text-slate-600">({counts[status]})</span>}
            </li>
          ))}
          <li className="inline-flex items-center gap-1.5" data-map-status="host">
            <span dangerouslySetInnerHTML={{ __html: legendSwatch("host") }} className="inline-flex" />
            {hostName} (host country)
          </li>
        </ul>
        {missing.length > 0 && <span className="block text-slate-600">Too small or not in the map data: {missing.join(", ")} (in the table).</span>}
      </figcaption>
    </figure>
  );
}
