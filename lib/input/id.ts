import { z } from "zod";

/** A row id as the databases store it (a 32-bit integer on PostgreSQL): larger ones are refused, not sent. */
export const DatabaseIdSchema = z.int({ error: "must be a whole number" }).positive("must be positive").max(2_147_483_647, "is too large");
