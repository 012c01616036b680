// Reads the Wikidata export of database-of-embassies (semicolon-separated, one header row,
// countries as English names + Wikidata entity URLs) into mission records of our own.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { countryCodeForName } from "@/lib/countries/catalog";
import { refusedCharacter, type TextKind } from "@/lib/input/text";
import { missionTypeFromWikidata, type MissionType } from "@/lib/missions/types";

export const WIKIDATA_REQUIRED_COLUMNS = [
  "operator",
  "operatorQID",
  "country",
  "countryQID",
  "city",
  "latitude",
  "longitude",
  "phone",
  "email",
  "website",
  "type",
  "QID",
] as const;

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : null));

const optionalNumber = optionalText.transform((value) => {
  if (value === null) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
});

const entityId = (value: string | null) => value?.match(/Q\d+$/)?.[0] ?? null;

const WikidataRowSchema = z.object({
  operator: z.string().trim().min(1, "operator (sending country) is empty"),
  operatorQID: optionalText.transform(entityId),
  country: z.string().trim().min(1, "country (host country) is empty"),
  countryQID: optionalText.transform(entityId),
  city: z.string().trim(),
  address: optionalText,
  latitude: optionalNumber,
  longitude: optionalNumber,
  phone: optionalText,
  email: optionalText.transform((value) => value?.replace(/^mailto:/i, "") ?? null),
  website: optionalText,
  type: z.string().trim().min(1, "type is empty"),
  QID: optionalText.transform(entityId),
});

const TEXT_COLUMNS = { operator: "name", country: "name", city: "name", address: "line", phone: "line", email: "line", website: "line", type: "line" } as const;

/** The first stored text column with a character Chancery refuses (lib/input/text.ts), as a reason. */
function refusedText(row: z.infer<typeof WikidataRowSchema>): string | null {
  for (const [column, kind] of Object.entries(TEXT_COLUMNS) as Array<[keyof typeof TEXT_COLUMNS, TextKind]>) {
    const problem = row[column] ? refusedCharacter(row[column], kind) : null;
    if (problem) return `${column} ${problem}`;
  }
  return null;
}

export interface WikidataMission {
  line: number;
  sendingName: string;
  sendingCode: string | undefined;
  sendingWikidataId: string | null;
  hostName: string;
  hostCode: string | undefined;
  hostWikidataId: string | null;
  city: string;
  type: MissionType;
  typeLabel: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  wikidataId: string | null;
}

export type WikidataParseResult =
  | { ok: true; missions: WikidataMission[]; rejected: Array<{ line: number; reason: string }> }
  | { ok: false; error: string };

/** The city stored for rows whose city Wikidata does not give, when the caller accepts them. */
export const UNKNOWN_CITY = "City unknown";

/** Rows without a city are rejected unless `acceptMissingCity` (then stored as UNKNOWN_CITY). */
export function parseWikidataCsv(text: string, { acceptMissingCity = false } = {}): WikidataParseResult {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      delimiter: ";",
      columns: (header: string[]) => header.map((name) => name.trim()),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // Free-text columns (e.g. pictureAuthor) contain bare quotes such as ד"ר.
      relax_quotes: true,
    });
  } catch (error) {
    return { ok: false, error: `Could not read the CSV: ${(error as Error).message}` };
  }
  const first = records[0];
  if (first) {
    const missing = WIKIDATA_REQUIRED_COLUMNS.filter((column) => !(column in first));
    if (missing.length) return { ok: false, error: `Missing columns: ${missing.join(", ")} (is the delimiter ";"?)` };
  }
  const missions: WikidataMission[] = [];
  const rejected: Array<{ line: number; reason: string }> = [];
  records.forEach((record, index) => {
    const line = index + 2;
    const parsed = WikidataRowSchema.safeParse(record);
    if (!parsed.success) {
      rejected.push({ line, reason: parsed.error.issues.map((issue) => issue.message).join("; ") });
      return;
    }
    const row = parsed.data;
    const badText = refusedText(row);
    if (badText) {
      rejected.push({ line, reason: badText });
      return;
    }
    if (!row.city && !acceptMissingCity) {
      rejected.push({ line, reason: "city is empty" });
      return;
    }
    missions.push({
      line,
      sendingName: row.operator,
      sendingCode: countryCodeForName(row.operator),
      sendingWikidataId: row.operatorQID,
      hostName: row.country,
      hostCode: countryCodeForName(row.country),
      hostWikidataId: row.countryQID,
      city: row.city || UNKNOWN_CITY,
      type: missionTypeFromWikidata(row.type),
      typeLabel: row.type,
      address: row.address,
      latitude: row.latitude,
      longitude: row.longitude,
      phone: row.phone,
      email: row.email,
      website: row.website,
      wikidataId: row.QID,
    });
  });
  return { ok: true, missions, rejected };
}
