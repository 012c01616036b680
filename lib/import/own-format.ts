// The project's own export format: {"format": "chancery/missions@1", "missions": [...]}.
// Statuses are exported for reading; import takes only the mission records (statuses are
// history and change only through status reports).
import { z } from "zod";
import { isKnownCountryCode } from "@/lib/countries/catalog";
import { InstantSchema } from "@/lib/input/instant";
import { MissionFieldsSchema } from "@/lib/missions/schema";
import { ReasonLanguageSchema } from "@/lib/i18n/reason-texts";
import { requiredText } from "@/lib/input/text";
import type { ImportCandidate, ImportedReason, ParsedImport, RejectedRow } from "./candidate";

export const EXPORT_FORMAT = "chancery/missions@1";

// Unknown keys (the exported status fields among them) are dropped by the object schema.
export const ExportedMissionSchema = MissionFieldsSchema.refine((mission) => isKnownCountryCode(mission.sendingCode), { path: ["sendingCode"], message: "unknown country code" })
  .refine((mission) => isKnownCountryCode(mission.hostCode), { path: ["hostCode"], message: "unknown country code" });

/** `reason.uk`, `reason.fr`: one key per translation of statusReason, beside `reasonLanguage`. */
export const REASON_KEY_PREFIX = "reason.";
const ReasonText = requiredText(500, "lines");

/** The reason's language and translations of one exported mission, or the problems naming their keys. */
function readReason(raw: unknown): { ok: true; reason?: ImportedReason } | { ok: false; problems: string[] } {
  if (typeof raw !== "object" || raw === null) return { ok: true };
  const record = raw as Record<string, unknown>;
  const problems: string[] = [];
  const translations: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!key.startsWith(REASON_KEY_PREFIX)) continue;
    const language = ReasonLanguageSchema.safeParse(key.slice(REASON_KEY_PREFIX.length));
    const text = ReasonText.safeParse(value);
    if (!language.success) problems.push(`${key}: ${language.error.issues[0]?.message}`);
    else if (!text.success) problems.push(`${key}: ${text.error.issues[0]?.message}`);
    else translations[language.data] = text.data;
  }
  const language = record.reasonLanguage === undefined || record.reasonLanguage === null ? undefined : ReasonLanguageSchema.safeParse(record.reasonLanguage);
  if (language && !language.success) problems.push(`reasonLanguage: ${language.error.issues[0]?.message}`);
  const original = typeof record.statusReason === "string" && record.statusReason.trim() ? record.statusReason : null;
  const hasTexts = Object.keys(translations).length > 0 || language !== undefined;
  if (hasTexts && !original) problems.push("statusReason: is required with reasonLanguage or reason.<language>");
  if (problems.length) return { ok: false, problems };
  if (!original || !hasTexts) return { ok: true };
  return { ok: true, reason: { original, language: language?.data, translations } };
}

const EnvelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `must be "${EXPORT_FORMAT}"` }),
  exportedAt: InstantSchema.optional(),
  missions: z.array(z.unknown(), { error: "must be a list of missions" }),
});

export function parseOwnExport(text: string): ParsedImport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The file is not valid JSON: ${(error as Error).message}` };
  }
  const envelope = EnvelopeSchema.safeParse(value);
  if (!envelope.success) {
    return { ok: false, error: `Not a Chancery export: ${envelope.error.issues.map((issue) => `${issue.path.join(".") || "file"} ${issue.message}`).join("; ")}` };
  }
  const candidates: ImportCandidate[] = [];
  const rejected: RejectedRow[] = [];
  envelope.data.missions.forEach((raw, index) => {
    const line = index + 1;
    const parsed = ExportedMissionSchema.safeParse(raw);
    const reason = readReason(raw);
    if (!parsed.success || !reason.ok) {
      const problems = [...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)), ...(reason.ok ? [] : reason.problems)];
      rejected.push({ line, reason: problems.join("; ") });
      return;
    }
    candidates.push({ line, ...parsed.data, ...(reason.reason ? { reason: reason.reason } : {}) });
  });
  return { ok: true, format: "chancery-json", candidates, rejected, unmappedCountries: [] };
}
