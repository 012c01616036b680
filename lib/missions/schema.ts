// Inputs of the mission writes, shared by the admin forms and the routes.
import { z } from "zod";
import { DatabaseIdSchema } from "@/lib/input/id";
import { EmailSchema } from "@/lib/input/email";
import { CountryCodeSchema } from "@/lib/countries/schema";
import { InstantSchema } from "@/lib/input/instant";
import { optionalText, requiredText } from "@/lib/input/text";
import { StatusSchema } from "@/lib/status/schema";
import { MissionTypeSchema } from "./types";

const MAX_FUTURE_MS = 5 * 60 * 1000;

export const SourceUrlSchema = requiredText(2000).refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), "must be an http(s) URL");

const VersionSchema = z.number({ error: "is required (the version you saw)" }).int().min(0);

/** When the report took effect; absent means now. Reports of the future are scheduled, not made. */
const EffectiveAtSchema = InstantSchema.refine((value) => value.getTime() <= Date.now() + MAX_FUTURE_MS, "cannot be in the future").optional();

export const StatusUpdateSchema = z.object({
  status: StatusSchema,
  reason: requiredText(500, "lines"),
  sourceUrl: SourceUrlSchema,
  sourceTitle: optionalText(200, "name"),
  effectiveAt: EffectiveAtSchema,
  expectedVersion: VersionSchema,
});
export type StatusUpdateInput = z.infer<typeof StatusUpdateSchema>;

export const VerifySchema = z.object({
  sourceUrl: SourceUrlSchema,
  sourceTitle: optionalText(200, "name"),
  expectedVersion: VersionSchema,
});
export type VerifyInput = z.infer<typeof VerifySchema>;

export const BulkEventSchema = z.object({
  name: requiredText(200, "name", { min: 3 }),
  description: optionalText(1000, "lines"),
  status: StatusSchema,
  reason: StatusUpdateSchema.shape.reason,
  sourceUrl: SourceUrlSchema,
  sourceTitle: StatusUpdateSchema.shape.sourceTitle,
  effectiveAt: EffectiveAtSchema,
  missions: z
    .array(z.object({ id: DatabaseIdSchema, expectedVersion: VersionSchema }))
    .min(1, "select at least one mission")
    .max(2000, "at most 2000 missions at once")
    .refine((list) => new Set(list.map((mission) => mission.id)).size === list.length, "lists a mission twice"),
});
export type BulkEventInput = z.infer<typeof BulkEventSchema>;

/** One source confirms many missions as one event; each keeps its own status and reason. */
export const BulkVerifySchema = BulkEventSchema.pick({ name: true, description: true, sourceUrl: true, sourceTitle: true, missions: true });
export type BulkVerifyInput = z.infer<typeof BulkVerifySchema>;

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
