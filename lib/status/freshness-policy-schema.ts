// What an admin sends to set a host country's freshness policy; shared by the form and the route.
import { z } from "zod";
import { CountryCodeSchema } from "@/lib/countries/schema";
import { MAX_STALE_HOURS, MIN_STALE_HOURS } from "./freshness";

const StaleHoursSchema = z
  .number({ error: "must be a number of hours, or empty for the default" })
  .int("must be a whole number of hours")
  .min(MIN_STALE_HOURS, `must be at least ${MIN_STALE_HOURS} hour`)
  .max(MAX_STALE_HOURS, `must be at most ${MAX_STALE_HOURS} hours (a year)`)
  .nullable();

export const FreshnessPolicyInputSchema = z.object({
  closedStaleHours: StaleHoursSchema,
  limitedStaleHours: StaleHoursSchema,
  openStaleHours: StaleHoursSchema,
  inCrisis: z.boolean({ error: "must be true or false" }),
});
export type FreshnessPolicyInput = z.infer<typeof FreshnessPolicyInputSchema>;

export const HostCodeParamSchema = z.object({ code: CountryCodeSchema });

/** One row of the admin's policy table. */
export interface FreshnessPolicyRow extends FreshnessPolicyInput {
  hostCode: string;
  hostName: string;
  missions: number;
}
