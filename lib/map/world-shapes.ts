// The world's countries as SVG path data, computed once per process from Natural Earth 1:50m
// (world-atlas TopoJSON), simplified and rounded to whole pixels so a whole-world map costs a
// few KB gzipped on a 50 KB page (decision 033).
import { geoCentroid, geoEqualEarth, geoStream, type GeoProjection } from "d3-geo";
import { feature, merge } from "topojson-client";
import { presimplify, simplify } from "topojson-simplify";
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from "topojson-specification";
import countries from "i18n-iso-countries";
import world from "world-atlas/countries-50m.json";

export const MAP_WIDTH = 640;
/** The projection's height at this width, cut below 58°S: Antarctica sends no missions. */
export const MAP_HEIGHT = 281;
const SOUTHERN_EDGE = -58;
/** Triangle area (square degrees) under which a point is dropped: ~5 KB gzipped for the land and 80 countries. */
const SIMPLIFY_MIN_WEIGHT = 0.3;
/** Countries smaller than this (pixels of bounding box) get a dot as well, so they can be seen. */
const DOT_BELOW_PX = 4;
const DOT_RADIUS = 2.5;

/** Shapes without an ISO numeric code in the geodata, by their Natural Earth name. */
const ANTARCTICA = "010";
const CODE_BY_NAME: Record<string, string> = { Kosovo: "XK", Somaliland: "XS", "N. Cyprus": "XN" };

export interface WorldShapes {
  /** Every country's outline as one path (the "no mission" background). */
  land: string;
  /** ISO alpha-2 (or Chancery's X* code) → path data. */
  countries: ReadonlyMap<string, string>;
}

type Point = [number, number];

/** Path data of a feature: whole pixels, repeated points dropped, relative moves (shortest text). */
function pathData(projection: GeoProjection, object: GeoJSON.GeoJSON | GeoJSON.Geometry): string {
  const rings: Point[][] = [];
  let ring: Point[] = [];
  const sink = {
    point(x: number, y: number) {
      const point: Point = [Math.round(x), Math.round(y)];
      const last = ring[ring.length - 1];
      if (!last || last[0] !== point[0] || last[1] !== point[1]) ring.push(point);
    },
    lineStart() {
      ring = [];
    },
    lineEnd() {
      if (ring.length >= 3) rings.push(ring);
    },
    polygonStart() {},
    polygonEnd() {},
    sphere() {},
  };
  geoStream(object as GeoJSON.Feature, projection.stream(sink));
  return rings.map(relativeRing).join("");
}

function relativeRing(ring: Point[]): string {
  const [first, ...rest] = ring as [Point, ...Point[]];
  let [x, y] = first;
  const steps = rest.map(([nextX, nextY]) => {
    const step = `${nextX - x} ${nextY - y}`;
    [x, y] = [nextX, nextY];
    return step;
  });
  return `M${first[0]} ${first[1]}l${steps.join(" ")}z`.replace(/ -/g, "-");
}

function dotAt([x, y]: Point): string {
  const r = DOT_RADIUS;
  return `M${Math.round(x - r)} ${Math.round(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0-${2 * r} 0z`;
}

function isTiny(d: string): boolean {
  const numbers = [...d.matchAll(/M(-?\d+) (-?\d+)/g)];
  if (!numbers.length) return true;
  // A tiny country's rings all start within a few pixels, and are short.
  return d.length < 40 && numbers.every((match) => Math.abs(Number(match[1]) - Number(numbers[0]![1])) < DOT_BELOW_PX);
}

function codeOf(id: string | number | undefined, name: string | undefined): string | undefined {
  if (id !== undefined) return countries.numericToAlpha2(String(id));
  return name ? CODE_BY_NAME[name] : undefined;
}

function computeShapes(): WorldShapes {
  // The package's JSON is the topology as published; presimplify mutates, so work on a copy.
  type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const topology = presimplify(structuredClone(world) as unknown as Topology<{ countries: GeometryCollection }>) as unknown as Countries;
  const simplified = simplify(topology as unknown as Topology<{ countries: GeometryCollection }>, SIMPLIFY_MIN_WEIGHT) as unknown as Countries;
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH, { type: "Sphere" });
  const bottom = projection([0, SOUTHERN_EDGE])?.[1] ?? MAP_HEIGHT;
  if (Math.abs(bottom - MAP_HEIGHT) > 1) throw new Error(`MAP_HEIGHT should be ${Math.round(bottom)}`);
  const shapes = new Map<string, string>();
  const original = feature(topology, topology.objects.countries);
  for (const country of feature(simplified, simplified.objects.countries).features) {
    const code = codeOf(country.id, country.properties?.name);
    if (!code || shapes.has(code)) continue;
    let d = pathData(projection, country);
    if (isTiny(d)) {
      const whole = original.features.find((candidate) => candidate.id === country.id && candidate.properties?.name === country.properties?.name);
      const centre = projection(geoCentroid(whole ?? country));
      if (centre) d += dotAt(centre);
    }
    shapes.set(code, d);
  }
  const inhabited = simplified.objects.countries.geometries.filter((geometry): geometry is Polygon<{ name: string }> | MultiPolygon<{ name: string }> => geometry.id !== ANTARCTICA && (geometry.type === "Polygon" || geometry.type === "MultiPolygon"));
  const land = pathData(projection, merge(simplified, inhabited));
  return { land, countries: shapes };
}

let shapes: WorldShapes | undefined;

/** Computed on first use (~0.3 s), then kept for the life of the process. */
export function worldShapes(): WorldShapes {
  return (shapes ??= computeShapes());
}
