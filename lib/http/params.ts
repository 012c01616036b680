import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";

const IdSchema = z.object({ id: z.coerce.number({ error: "must be a number" }).int("must be a whole number").positive("must be positive") });

export const idParam = (params: Record<string, string>) => parseOrThrow(IdSchema, params);
