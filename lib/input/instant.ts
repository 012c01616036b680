// The one schema for instants typed or sent by people and programs: ISO 8601 date-times with
// an offset (or Z), nothing coerced (null, true and 0 are not 1970), within a range every
// database and every display handles.
import { z } from "zod";

export const EARLIEST_INSTANT = new Date("1990-01-01T00:00:00Z");
const LATEST_YEARS_AHEAD = 5;

export function latestInstant(now = new Date()): Date {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + LATEST_YEARS_AHEAD);
  return latest;
}

export const INSTANT_RANGE = `between ${EARLIEST_INSTANT.toISOString().slice(0, 10)} and ${LATEST_YEARS_AHEAD} years from now`;

/** "2024-11-20T09:00:00+02:00" → the Date 2024-11-20T07:00:00Z; anything else is an issue. */
export const InstantSchema = z
  .iso.datetime({ offset: true, error: "must be an ISO 8601 date-time with an offset, e.g. 2024-11-20T07:00:00Z" })
  .transform((value) => new Date(value))
  .refine((date) => date >= EARLIEST_INSTANT && date <= latestInstant(), `must be ${INSTANT_RANGE}`)
  .meta({ description: `ISO 8601 date-time with an offset or Z, ${INSTANT_RANGE}`, example: "2024-11-20T07:00:00Z" });
