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

export function missionsCsv(missions: ApiMission[]): string {
  return (
    csvLine([...MISSION_CSV_COLUMNS]) +
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
        ]),
      )
      .join("")
  );
}
