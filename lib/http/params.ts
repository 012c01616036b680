import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";
import { DatabaseIdSchema } from "@/lib/input/id";

const PositiveId = z.coerce.number({ error: "must be a number" }).pipe(DatabaseIdSchema);

const IdSchema = z.object({ id: PositiveId });
const ScheduledIdSchema = z.object({ id: PositiveId, scheduledId: PositiveId });

export const idParam = (params: Record<string, string>) => parseOrThrow(IdSchema, params);
export const scheduledIdParams = (params: Record<string, string>) => parseOrThrow(ScheduledIdSchema, params);
