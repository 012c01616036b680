// The one check of an email address in input (accounts, the login, mission contacts).
import { z } from "zod";

/** An address as given (trimmed), checked; mission contacts keep their case. */
export const EmailSchema = z
  .string({ error: "is required" })
  .trim()
  .max(254, "must be at most 254 characters")
  .pipe(z.email({ error: "must be an email address" }));

/** Accounts are found by their lower-cased address. */
export const AccountEmailSchema = EmailSchema.transform((email) => email.toLowerCase());
