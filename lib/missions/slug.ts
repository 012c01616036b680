import { z } from "zod";

/** "Côte d'Ivoire" → "cote-d-ivoire": lower-case ASCII words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** "US", "embassy", "Kyiv" → "us-embassy-kyiv": readable, stable URLs. */
export function missionSlug(sendingCode: string, type: string, city: string): string {
  return [slugify(sendingCode), slugify(type), slugify(city) || "city"].join("-");
}

/** The shape of every mission and event slug (lower-case ASCII words joined by hyphens), checked before any query. */
export const SlugSchema = z
  .string()
  .max(200, "must be at most 200 characters")
  .regex(/^[a-z0-9-]+$/, "must be lower-case letters, digits and hyphens");
