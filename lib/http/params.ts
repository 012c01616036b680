import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";
import { DatabaseIdSchema } from "@/lib/input/id";

const IdSchema = z.object({ id: z.coerce.number({ error: "must be a number" }).pipe(DatabaseIdSchema) });

export const idParam = (params: Record<string, string>) => parseOrThrow(IdSchema, params);
