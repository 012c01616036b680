import { z } from "zod";
import { parseOrThrow } from "./errors";

const PositiveId = z.coerce.number({ error: "must be a number" }).int("must be a whole number").positive("must be positive");

const IdSchema = z.object({ id: PositiveId });
const ScheduledIdSchema = z.object({ id: PositiveId, scheduledId: PositiveId });

export const idParam = (params: Record<string, string>) => parseOrThrow(IdSchema, params);
export const scheduledIdParams = (params: Record<string, string>) => parseOrThrow(ScheduledIdSchema, params);
