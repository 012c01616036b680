// The project's own export format: {"format": "chancery/missions@1", "missions": [...]}.
// Statuses are exported for reading; import takes only the mission records (statuses are
// history and change only through status reports).
import { z } from "zod";
import { isKnownCountryCode } from "@/lib/countries/catalog";
import { InstantSchema } from "@/lib/input/instant";
import { MissionFieldsSchema } from "@/lib/missions/schema";
import type { ImportCandidate, ParsedImport, RejectedRow } from "./candidate";

export const EXPORT_FORMAT = "chancery/missions@1";

// Unknown keys (the exported status fields among them) are dropped by the object schema.
export const ExportedMissionSchema = MissionFieldsSchema.refine((mission) => isKnownCountryCode(mission.sendingCode), { path: ["sendingCode"], message: "unknown country code" })
  .refine((mission) => isKnownCountryCode(mission.hostCode), { path: ["hostCode"], message: "unknown country code" });

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
    if (!parsed.success) {
      rejected.push({ line, reason: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") });
      return;
    }
    candidates.push({ line, ...parsed.data });
  });
  return { ok: true, format: "chancery-json", candidates, rejected, unmappedCountries: [] };
}
