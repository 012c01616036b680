// Inputs of the mission writes, shared by the admin forms and the routes.
import { z } from "zod";
import { DatabaseIdSchema } from "@/lib/input/id";
import { EmailSchema } from "@/lib/input/email";
import { CountryCodeSchema } from "@/lib/countries/schema";
import { InstantSchema } from "@/lib/input/instant";
import { optionalText, requiredText } from "@/lib/input/text";
import { FollowsSchema, StatusSchema, type Follows } from "@/lib/status/schema";
import { MissionTypeSchema } from "./types";

const MAX_FUTURE_MS = 5 * 60 * 1000;

export const SourceUrlSchema = requiredText(2000).refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), "must be an http(s) URL");

const VersionSchema = z.number({ error: "is required (the version you saw)" }).int().min(0);

/** When the report took effect; absent means now. Reports of the future are scheduled, not made. */
const EffectiveAtSchema = InstantSchema.refine((value) => value.getTime() <= Date.now() + MAX_FUTURE_MS, "cannot be in the future").optional();

/** When a reported status ends by itself; null or absent: until further notice. */
const UntilSchema = InstantSchema.nullish().transform((value) => value ?? null);

const MAX_UNTIL_MS = 366 * 24 * 3600 * 1000;

/** The end of a report: after its effective time, within a year, followed by something else. */
function checkEnd(report: { status: string; effectiveAt?: Date; until: Date | null; follows: Follows }, context: z.RefinementCtx) {
  // Runs even when a field failed its own check: compare only values that parsed.
  if (report.until !== null && !(report.until instanceof Date)) return;
  if (!report.until) {
    if (report.follows !== "previous") context.addIssue({ code: "custom", path: ["follows"], message: "needs an until time" });
    return;
  }
  const from = report.effectiveAt instanceof Date ? report.effectiveAt : new Date();
  if (report.until <= from) context.addIssue({ code: "custom", path: ["until"], message: "must be after the effective time" });
  else if (report.until.getTime() - from.getTime() > MAX_UNTIL_MS) context.addIssue({ code: "custom", path: ["until"], message: "must be within a year of the effective time" });
  if (report.follows === report.status) context.addIssue({ code: "custom", path: ["follows"], message: "must differ from the status" });
}

/** A status report: what, why, from which source, since when, and (optionally) until when and what follows. */
const reportFields = {
  status: StatusSchema,
  reason: requiredText(500, "lines"),
  sourceUrl: SourceUrlSchema,
  sourceTitle: optionalText(200, "name"),
  effectiveAt: EffectiveAtSchema,
  until: UntilSchema,
  follows: FollowsSchema.default("previous"),
};

export const StatusUpdateSchema = z.object({ ...reportFields, expectedVersion: VersionSchema }).superRefine(checkEnd);
export type StatusUpdateInput = z.infer<typeof StatusUpdateSchema>;

export const VerifySchema = z.object({
  sourceUrl: SourceUrlSchema,
  sourceTitle: optionalText(200, "name"),
  expectedVersion: VersionSchema,
});
export type VerifyInput = z.infer<typeof VerifySchema>;

const eventFields = {
  name: requiredText(200, "name", { min: 3 }),
  description: optionalText(1000, "lines"),
  missions: z
    .array(z.object({ id: DatabaseIdSchema, expectedVersion: VersionSchema }))
    .min(1, "select at least one mission")
    .max(2000, "at most 2000 missions at once")
    .refine((list) => new Set(list.map((mission) => mission.id)).size === list.length, "lists a mission twice"),
};

export const BulkEventSchema = z.object({ ...eventFields, ...reportFields }).superRefine(checkEnd);
export type BulkEventInput = z.infer<typeof BulkEventSchema>;

/** One source confirms many missions as one event; each keeps its own status and reason. */
export const BulkVerifySchema = z.object({ ...eventFields, sourceUrl: reportFields.sourceUrl, sourceTitle: reportFields.sourceTitle });
export type BulkVerifyInput = z.infer<typeof BulkVerifySchema>;

const scheduledFields = { ...reportFields, effectiveAt: InstantSchema };

/** A change from a notice published ahead; it must lie in the future (checked when saved). */
export const ScheduledChangeSchema = z.object(scheduledFields).superRefine(checkEnd);
export type ScheduledChangeInput = z.infer<typeof ScheduledChangeSchema>;

export const ScheduledChangeUpdateSchema = z.object({ ...scheduledFields, expectedVersion: VersionSchema }).superRefine(checkEnd);
export type ScheduledChangeUpdateInput = z.infer<typeof ScheduledChangeUpdateSchema>;

export const ScheduledChangeCancelSchema = z.object({ expectedVersion: VersionSchema });

const coordinate = (limit: number) =>
  z.number({ error: "must be a number" }).min(-limit, `must be between -${limit} and ${limit}`).max(limit, `must be between -${limit} and ${limit}`).nullish().transform((value) => value ?? null);

export const MissionFieldsSchema = z.object({
  sendingCode: CountryCodeSchema,
  hostCode: CountryCodeSchema,
  city: requiredText(100, "name"),
  type: MissionTypeSchema,
  name: optionalText(200, "name"),
  address: optionalText(300),
  latitude: coordinate(90),
  longitude: coordinate(180),
  phone: optionalText(100),
  email: optionalText(254).pipe(EmailSchema.nullable()),
  website: optionalText(500).refine((value) => !value || /^https?:\/\//i.test(value), "must be an http(s) URL"),
  wikidataId: optionalText(20).refine((value) => !value || /^Q\d+$/.test(value), "must look like Q123"),
  timeZone: optionalText(64).refine((value) => !value || isTimeZone(value), "must be an IANA time zone such as Europe/Kyiv"),
});
export type MissionFields = z.infer<typeof MissionFieldsSchema>;

export const MissionCreateSchema = MissionFieldsSchema;
export const MissionUpdateSchema = MissionFieldsSchema.partial().refine((value) => Object.keys(value).length > 0, "nothing to change");
export type MissionUpdateInput = z.infer<typeof MissionUpdateSchema>;

export const ArchiveSchema = z.object({ archived: z.boolean({ error: "must be true or false" }) });

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
