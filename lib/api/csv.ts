import { csvLine } from "@/lib/http/escape";
import type { ApiMission } from "./schema";

export const MISSION_CSV_COLUMNS = [
  "slug",
  "sending_code",
  "sending_name",
  "host_code",
  "host_name",
  "city",
  "type",
  "status",
  "status_reason",
  "status_since",
  "verified_at",
  "source_url",
  "source_title",
  "updated_at",
  "url",
  // Added with freshness; appended so that existing column positions stay.
  "freshness",
  "status_text",
  "status_until",
  "status_follows",
  "expected_after",
] as const;

/** With lang=: the reason's language and its text in that language, and the countries' names in it (decision 042). */
export const MISSION_CSV_LANG_COLUMNS = ["reason_language", "local_reason", "sending_local_name", "host_local_name"] as const;

export function missionsCsv(missions: ApiMission[], options: { lang?: boolean } = {}): string {
  return (
    csvLine([...MISSION_CSV_COLUMNS, ...(options.lang ? MISSION_CSV_LANG_COLUMNS : [])]) +
    missions
      .map((m) =>
        csvLine([
          m.slug,
          m.sendingCountry.code,
          m.sendingCountry.name,
          m.hostCountry.code,
          m.hostCountry.name,
          m.city,
          m.type,
          m.status,
          m.statusReason,
          m.statusSince,
          m.verifiedAt,
          m.sourceUrl,
          m.sourceTitle,
          m.updatedAt,
          m.url,
          m.freshness,
          m.statusText,
          m.statusUntil,
          m.statusFollows,
          m.expectedAfter,
          ...(options.lang ? [m.reasonLanguage ?? null, m.localReason ?? null, m.sendingCountry.localName ?? null, m.hostCountry.localName ?? null] : []),
        ]),
      )
      .join("")
  );
}
