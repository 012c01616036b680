// Inputs of the source and proposal writes, shared by the admin forms and the routes.
import { z } from "zod";
import { CountryCodeSchema } from "@/lib/countries/schema";
import { DatabaseIdSchema } from "@/lib/input/id";
import { InstantSchema } from "@/lib/input/instant";
import { optionalText, requiredText } from "@/lib/input/text";
import { SourceUrlSchema } from "@/lib/missions/schema";
import { StatusSchema } from "@/lib/status/schema";

export const SOURCE_KINDS = ["rss", "govuk", "de-aa", "webpage"] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS, { error: `must be one of ${SOURCE_KINDS.join(", ")}` });
export type SourceKind = z.infer<typeof SourceKindSchema>;

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  rss: "RSS or Atom feed",
  govuk: "GOV.UK travel advice (Content API JSON)",
  "de-aa": "Auswärtiges Amt open data (travel warning JSON)",
  webpage: "Web page (main text, changes by content)",
};

export const LANGUAGES = ["en", "uk", "de", "fr", "es"] as const;
export const LanguageSchema = z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(", ")}` });
export type Language = z.infer<typeof LanguageSchema>;

/** At least every 5 minutes would be impolite; at most weekly still catches a notice. */
export const IntervalMinutesSchema = z.int({ error: "must be a whole number of minutes" }).min(5, "must be at least 5 minutes").max(7 * 24 * 60, "must be at most a week (10080)");

const sourceFields = {
  name: requiredText(200, "name"),
  url: SourceUrlSchema,
  kind: SourceKindSchema,
  language: LanguageSchema,
  missionIds: z.array(DatabaseIdSchema).max(200, "at most 200 missions").default([]),
  sendingCode: CountryCodeSchema.nullish().transform((value) => value ?? null),
  hostCode: CountryCodeSchema.nullish().transform((value) => value ?? null),
  intervalMinutes: IntervalMinutesSchema.default(60),
  enabled: z.boolean({ error: "must be true or false" }).default(false),
};

type Scope = { missionIds: number[]; sendingCode: string | null; hostCode: string | null };

/** A source speaks for listed missions, or for a sending country's missions in a host country. */
function checkScope(source: Partial<Scope>, context: z.RefinementCtx) {
  const hasMissions = (source.missionIds?.length ?? 0) > 0;
  const hasPair = Boolean(source.sendingCode && source.hostCode);
  if (!hasMissions && !hasPair) {
    context.addIssue({ code: "custom", path: ["missionIds"], message: "name the missions, or a sending and a host country, the source speaks for" });
  }
  if (Boolean(source.sendingCode) !== Boolean(source.hostCode)) {
    context.addIssue({ code: "custom", path: [source.sendingCode ? "hostCode" : "sendingCode"], message: "give both the sending and the host country, or neither" });
  }
}

export const SourceCreateSchema = z.object(sourceFields).superRefine(checkScope);
export type SourceCreateInput = z.infer<typeof SourceCreateSchema>;

/** "Test" before adding: what a fetch now would propose, nothing stored. */
export const SourceTrialSchema = z.object({ url: sourceFields.url, kind: sourceFields.kind, language: sourceFields.language, missionIds: sourceFields.missionIds, sendingCode: sourceFields.sendingCode, hostCode: sourceFields.hostCode }).superRefine(checkScope);
export type SourceTrialInput = z.infer<typeof SourceTrialSchema>;

// Plain optional booleans: a default here would turn "fetch now" into "pause".
export const SourceUpdateSchema = z.object({ enabled: z.boolean({ error: "must be true or false" }).optional(), intervalMinutes: IntervalMinutesSchema.optional(), fetchNow: z.literal(true).optional() }).refine((value) => Object.keys(value).length > 0, "nothing to change");
export type SourceUpdateInput = z.infer<typeof SourceUpdateSchema>;

/** Accept as proposed, or edited first (status, until, reason). */
export const ProposalAcceptSchema = z.object({
  expectedVersion: z.number({ error: "is required (the version you saw)" }).int().min(0),
  status: StatusSchema.optional(),
  until: InstantSchema.nullish(),
  reason: optionalText(500, "lines"),
});
export type ProposalAcceptInput = z.infer<typeof ProposalAcceptSchema>;

export const ProposalDismissSchema = z.object({ reason: requiredText(500, "lines") });
export type ProposalDismissInput = z.infer<typeof ProposalDismissSchema>;
