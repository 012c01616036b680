// The one check of a country code in input (URLs, forms, API parameters, imports): two
// letters, upper-cased. Whether the code is known is the catalog's business.
import { z } from "zod";

export const CountryCodeSchema = z
  .string({ error: "is required" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "must be a two-letter country code");
