// The status map as an SVG string: one shape per sending country, coloured and patterned by
// its status (so it reads without colour), the host country highlighted. A string, not React,
// so the page and the embed share it; the shapes for one host and status set are rendered once
// and kept (decision 033).
import { LRUCache } from "lru-cache";
import { escapeHtml as h } from "@/lib/http/escape";
import { MAP_HEIGHT, MAP_WIDTH, worldShapes } from "./world-shapes";
import type { MapStatus } from "./map-status";

/** Fill of each status: a colour and, but for "open" and "none", a pattern (lib/map/map-status.ts). */
export const MAP_FILLS: Record<MapStatus | "host", string> = {
  open: "#15803d",
  limited: "url(#m-limited)",
  closed: "url(#m-closed)",
  unconfirmed: "url(#m-unconfirmed)",
  none: "#e2e8f0",
  host: "#1e3a8a",
};

const PATTERNS =
  '<pattern id="m-limited" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fcd34d"/><path d="M1 0v6" stroke="#92400e" stroke-width="2"/></pattern>' +
  '<pattern id="m-closed" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#fecaca"/><path d="M0 0l5 5M5 0l-5 5" stroke="#991b1b" stroke-width="1.3"/></pattern>' +
  '<pattern id="m-unconfirmed" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#f1f5f9"/><circle cx="2.5" cy="2.5" r="1.3" fill="#334155"/></pattern>';

/** The patterns, for a legend's swatches drawn outside the map (same document, same ids). */
export const MAP_PATTERN_DEFS = `<defs>${PATTERNS}</defs>`;

const DRAWN: MapStatus[] = ["open", "limited", "closed", "unconfirmed"];

const shapesCache = new LRUCache<string, string>({ max: 500 });

function shapesFor(hostCode: string, statuses: ReadonlyMap<string, MapStatus>): { svg: string; missing: string[] } {
  const world = worldShapes();
  const missing = [...statuses.keys()].filter((code) => !world.countries.has(code)).sort();
  const key = `${hostCode}|${[...statuses].map(([code, status]) => `${code}:${status}`).sort().join(",")}`;
  let svg = shapesCache.get(key);
  if (svg === undefined) {
    const groups = DRAWN.map((status) => {
      const paths = [...statuses]
        .filter(([code, shown]) => shown === status && code !== hostCode && world.countries.has(code))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code]) => `<path class="m-${status}" data-code="${h(code)}" d="${world.countries.get(code)}"/>`)
        .join("");
      return paths ? `<g fill="${MAP_FILLS[status]}">${paths}</g>` : "";
    }).join("");
    const host = world.countries.get(hostCode);
    svg =
      `<defs>${PATTERNS}</defs><path class="m-none" fill="${MAP_FILLS.none}" d="${world.land}"/>` +
      `<g stroke="#fff" stroke-width=".4">${groups}</g>` +
      (host ? `<path class="m-host" data-code="${h(hostCode)}" fill="${MAP_FILLS.host}" stroke="#0f172a" d="${host}"/>` : "");
    shapesCache.set(key, svg);
  }
  return { svg, missing };
}

export interface StatusMapSvgOptions {
  hostCode: string;
  statuses: ReadonlyMap<string, MapStatus>;
  /** The map's accessible name (it is an image; the table is its text alternative). */
  title: string;
  /** The id of the table that says the same in text (`aria-details`). */
  detailsId?: string;
}

/** The map, and the sending countries it could not draw (not in the geodata: the table has them). */
export function statusMapSvg({ hostCode, statuses, title, detailsId }: StatusMapSvgOptions): { svg: string; missing: string[] } {
  const { svg, missing } = shapesFor(hostCode, statuses);
  const details = detailsId ? ` aria-details="${h(detailsId)}"` : "";
  return {
    svg: `<svg class="status-map" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" role="img" aria-label="${h(title)}"${details} data-host="${h(hostCode)}" data-missing="${h(missing.join(" "))}">${svg}</svg>`,
    missing,
  };
}

/** A legend swatch: the status's fill in a small square (the patterns come with the map). */
export function legendSwatch(status: MapStatus | "host"): string {
  return `<svg width="18" height="12" aria-hidden="true" focusable="false"><rect width="18" height="12" fill="${MAP_FILLS[status]}" stroke="#475569" stroke-width=".5"/></svg>`;
}
