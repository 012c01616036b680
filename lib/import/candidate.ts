import type { MissionType } from "@/lib/missions/types";

/** One mission read from an import file, before it is matched against the database. */
export interface ImportCandidate {
  line: number;
  sendingCode: string;
  hostCode: string;
  city: string;
  type: MissionType;
  /** Only the project's own format carries names; undefined leaves the stored one alone. */
  name?: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  wikidataId: string | null;
  timeZone?: string | null;
  /** Only the project's own format: the exported reason, its language and translations (decision 043). */
  reason?: ImportedReason;
}

export interface ImportedReason {
  /** The reason as the export's statusReason wrote it; texts are stored only where the mission's current reason is this text. */
  original: string;
  /** The language it was written in (`reasonLanguage`); undefined leaves it as stored. */
  language?: string;
  /** `reason.<lang>` keys: language → translated text. */
  translations: Record<string, string>;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

export type ParsedImport =
  | { ok: true; format: ImportFormat; candidates: ImportCandidate[]; rejected: RejectedRow[]; unmappedCountries: Array<{ name: string; rows: number }> }
  | { ok: false; error: string };

export type ImportFormat = "wikidata-csv" | "chancery-json";
