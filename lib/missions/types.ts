import { z } from "zod";

export const MISSION_TYPES = [
  "embassy",
  "high_commission",
  "consulate_general",
  "consulate",
  "honorary_consulate",
  "nunciature",
  "delegation",
  "de_facto",
  "other",
] as const;
export const MissionTypeSchema = z.enum(MISSION_TYPES);
export type MissionType = z.infer<typeof MissionTypeSchema>;

export const MISSION_TYPE_LABELS: Record<MissionType, string> = {
  embassy: "Embassy",
  high_commission: "High commission",
  consulate_general: "Consulate-general",
  consulate: "Consulate",
  honorary_consulate: "Honorary consulate",
  nunciature: "Nunciature",
  delegation: "Delegation / representation",
  de_facto: "De facto / liaison office",
  other: "Other",
};

export function missionTypeLabel(type: string): string {
  const parsed = MissionTypeSchema.safeParse(type);
  return parsed.success ? MISSION_TYPE_LABELS[parsed.data] : type;
}

/** Maps Wikidata's free-text mission types (e.g. "consulate general") to ours. */
export function missionTypeFromWikidata(label: string): MissionType {
  const text = label.trim().toLowerCase();
  if (/honorary/.test(text)) return "honorary_consulate";
  if (/de facto|liaison|interests section|trade office|taipei/.test(text)) return "de_facto";
  if (/nunciature|apostolic/.test(text)) return "nunciature";
  if (/high commission/.test(text)) return "high_commission";
  if (/consulate general|consulate-general/.test(text)) return "consulate_general";
  if (/consul/.test(text)) return "consulate";
  if (/delegation|representat|permanent mission|government office/.test(text)) return "delegation";
  if (/embassy/.test(text)) return "embassy";
  return "other";
}
