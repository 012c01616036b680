// Inputs of the mission writes, shared by the admin forms and the routes.
import { z } from "zod";
import { StatusSchema } from "@/lib/status/schema";
import { MissionTypeSchema } from "./types";

const MAX_FUTURE_MS = 5 * 60 * 1000;

export const SourceUrlSchema = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(2000, "must be at most 2000 characters")
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), "must be an http(s) URL");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));

const VersionSchema = z.number({ error: "is required (the version you saw)" }).int().min(0);

const EffectiveAtSchema = z.coerce
  .date({ error: "must be a date and time" })
  .optional()
  .refine((value) => !value || value.getTime() <= Date.now() + MAX_FUTURE_MS, "cannot be in the future");

export const StatusUpdateSchema = z.object({
  status: StatusSchema,
  reason: z.string({ error: "is required" }).trim().min(1, "is required").max(500, "must be at most 500 characters"),
  sourceUrl: SourceUrlSchema,
  sourceTitle: optionalText(200),
  effectiveAt: EffectiveAtSchema,
  expectedVersion: VersionSchema,
});
export type StatusUpdateInput = z.infer<typeof StatusUpdateSchema>;

export const VerifySchema = z.object({
  sourceUrl: SourceUrlSchema,
  sourceTitle: optionalText(200),
  expectedVersion: VersionSchema,
});
export type VerifyInput = z.infer<typeof VerifySchema>;

export const BulkEventSchema = z.object({
  name: z.string({ error: "is required" }).trim().min(3, "must be at least 3 characters").max(200, "must be at most 200 characters"),
  description: optionalText(1000),
  status: StatusSchema,
  reason: StatusUpdateSchema.shape.reason,
  sourceUrl: SourceUrlSchema,
  sourceTitle: optionalText(200),
  effectiveAt: EffectiveAtSchema,
  missions: z
    .array(z.object({ id: z.number().int().positive(), expectedVersion: VersionSchema }))
    .min(1, "select at least one mission")
    .max(2000, "at most 2000 missions at once")
    .refine((list) => new Set(list.map((mission) => mission.id)).size === list.length, "lists a mission twice"),
});
export type BulkEventInput = z.infer<typeof BulkEventSchema>;

/** One source confirms many missions as one event; each keeps its own status and reason. */
export const BulkVerifySchema = BulkEventSchema.pick({ name: true, description: true, sourceUrl: true, sourceTitle: true, missions: true });
export type BulkVerifyInput = z.infer<typeof BulkVerifySchema>;

const CountryCode = z
  .string({ error: "is required" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "must be a two-letter country code");

const coordinate = (limit: number) =>
  z.number({ error: "must be a number" }).min(-limit, `must be between -${limit} and ${limit}`).max(limit, `must be between -${limit} and ${limit}`).nullish().transform((value) => value ?? null);

export const MissionFieldsSchema = z.object({
  sendingCode: CountryCode,
  hostCode: CountryCode,
  city: z.string({ error: "is required" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  type: MissionTypeSchema,
  name: optionalText(200),
  address: optionalText(300),
  latitude: coordinate(90),
  longitude: coordinate(180),
  phone: optionalText(100),
  email: optionalText(254),
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
