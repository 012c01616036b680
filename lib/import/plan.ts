// Matches import candidates against the stored missions: by Wikidata id, else by sending +
// host + city + type. The same plan is shown as the dry run and then applied.
import type { Db, Tx } from "@/lib/db/create";
import { timeZoneFor } from "@/lib/missions/time-zone";
import type { ImportCandidate, ImportedReason, ImportFormat, ParsedImport, RejectedRow } from "./candidate";

export const COMPARED_FIELDS = ["sendingCode", "hostCode", "city", "type", "name", "address", "latitude", "longitude", "phone", "email", "website", "wikidataId", "timeZone"] as const;
type ComparedField = (typeof COMPARED_FIELDS)[number];
export type MissionValues = { [K in ComparedField]: K extends "latitude" | "longitude" ? number | null : K extends "name" | "address" | "phone" | "email" | "website" | "wikidataId" ? string | null : string };

/** `reasonTexts`: the row's reason texts to store (own format only; lib/import/reason-texts.ts). */
export type PlanRow =
  | { line: number; action: "add"; label: string; values: MissionValues; reasonTexts?: ImportedReason }
  | { line: number; action: "update"; label: string; missionId: number; changes: Partial<MissionValues>; before: Partial<MissionValues>; reasonTexts?: ImportedReason }
  | { line: number; action: "unchanged"; label: string; missionId: number; reasonTexts?: ImportedReason }
  | { line: number; action: "reject"; label?: string; reason: string };

export interface ImportPlan {
  format: ImportFormat;
  rows: PlanRow[];
  summary: { add: number; update: number; unchanged: number; reject: number };
  unmappedCountries: Array<{ name: string; rows: number }>;
}

export type Progress = (phase: string, done: number, total: number) => void;

const fold = (text: string) => text.normalize("NFKC").trim().toLocaleLowerCase("en");
const keyOf = (mission: { sendingCode: string; hostCode: string; city: string; type: string }) =>
  [mission.sendingCode, mission.hostCode, fold(mission.city), mission.type].join("|");
const labelOf = (mission: { sendingCode: string; hostCode: string; city: string; type: string; wikidataId: string | null }) =>
  `${mission.sendingCode} ${mission.type.replace(/_/g, " ")} in ${mission.city}, ${mission.hostCode}${mission.wikidataId ? ` (${mission.wikidataId})` : ""}`;

/** Zones known per host city from rows with coordinates, for rows of the same city without. */
type CityZones = Map<string, string>;
const cityKey = (mission: { hostCode: string; city: string }) => `${mission.hostCode}|${fold(mission.city)}`;

function cityZonesOf(candidates: ImportCandidate[]): CityZones {
  const zones: CityZones = new Map();
  for (const candidate of candidates) {
    if (candidate.latitude !== null && candidate.longitude !== null && !zones.has(cityKey(candidate))) zones.set(cityKey(candidate), timeZoneFor(candidate));
  }
  return zones;
}

function valuesOf(candidate: ImportCandidate, cityZones: CityZones, existing?: MissionValues): MissionValues {
  return {
    sendingCode: candidate.sendingCode,
    hostCode: candidate.hostCode,
    city: candidate.city,
    type: candidate.type,
    name: candidate.name === undefined ? (existing?.name ?? null) : candidate.name,
    address: candidate.address,
    latitude: candidate.latitude,
    longitude: candidate.longitude,
    phone: candidate.phone,
    email: candidate.email,
    website: candidate.website,
    // A file without an id never erases a stored one.
    wikidataId: candidate.wikidataId ?? existing?.wikidataId ?? null,
    timeZone:
      candidate.timeZone ||
      (candidate.latitude === null || candidate.longitude === null ? cityZones.get(cityKey(candidate)) : undefined) ||
      timeZoneFor(candidate),
  };
}

export async function planImport(db: Db | Tx, parsed: Extract<ParsedImport, { ok: true }>, progress?: Progress): Promise<ImportPlan> {
  const stored = await db.mission.findMany({ select: { id: true, ...Object.fromEntries(COMPARED_FIELDS.map((field) => [field, true])) } as { id: true } & Record<ComparedField, true> });
  const byWikidata = new Map<string, (typeof stored)[number]>();
  const byKey = new Map<string, Array<(typeof stored)[number]>>();
  for (const mission of stored) {
    if (mission.wikidataId) byWikidata.set(mission.wikidataId, mission);
    const list = byKey.get(keyOf(mission)) ?? [];
    list.push(mission);
    byKey.set(keyOf(mission), list);
  }

  const cityZones = cityZonesOf(parsed.candidates);
  const rows: PlanRow[] = parsed.rejected.map((row: RejectedRow) => ({ line: row.line, action: "reject" as const, reason: row.reason }));
  const seenWikidata = new Map<string, number>();
  const seenKeyWithoutId = new Map<string, number>();
  const claimed = new Set<number>();
  parsed.candidates.forEach((candidate, index) => {
    if (index % 500 === 0) progress?.("Checking rows", index, parsed.candidates.length);
    const label = labelOf(candidate);
    const duplicateOf = candidate.wikidataId ? seenWikidata.get(candidate.wikidataId) : seenKeyWithoutId.get(keyOf(candidate));
    if (duplicateOf !== undefined) {
      rows.push({ line: candidate.line, action: "reject", label, reason: `duplicate of line ${duplicateOf} (${candidate.wikidataId ? "same Wikidata id" : "same sending, host, city and type"})` });
      return;
    }
    if (candidate.wikidataId) seenWikidata.set(candidate.wikidataId, candidate.line);
    else seenKeyWithoutId.set(keyOf(candidate), candidate.line);

    const match =
      (candidate.wikidataId && byWikidata.get(candidate.wikidataId)) ||
      byKey.get(keyOf(candidate))?.find((mission) => !claimed.has(mission.id) && (!mission.wikidataId || !candidate.wikidataId));
    if (!match) {
      rows.push({ line: candidate.line, action: "add", label, values: valuesOf(candidate, cityZones), ...(candidate.reason ? { reasonTexts: candidate.reason } : {}) });
      return;
    }
    claimed.add(match.id);
    const reasonTexts = candidate.reason ? { reasonTexts: candidate.reason } : {};
    const next = valuesOf(candidate, cityZones, match as MissionValues);
    const changed = COMPARED_FIELDS.filter((field) => next[field] !== match[field]);
    if (!changed.length) {
      rows.push({ line: candidate.line, action: "unchanged", label, missionId: match.id, ...reasonTexts });
      return;
    }
    rows.push({
      line: candidate.line,
      action: "update",
      label,
      missionId: match.id,
      changes: Object.fromEntries(changed.map((field) => [field, next[field]])),
      before: Object.fromEntries(changed.map((field) => [field, match[field]])),
      ...reasonTexts,
    });
  });
  progress?.("Checking rows", parsed.candidates.length, parsed.candidates.length);
  rows.sort((a, b) => a.line - b.line);
  const summary = { add: 0, update: 0, unchanged: 0, reject: 0 };
  for (const row of rows) summary[row.action]++;
  return { format: parsed.format, rows, summary, unmappedCountries: parsed.unmappedCountries };
}
