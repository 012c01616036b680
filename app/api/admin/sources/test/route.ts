import { defineRoute, json } from "@/lib/http/route";
import { trialSource } from "@/lib/sources/commands";
import { SourceTrialSchema } from "@/lib/sources/schema";

/** Before adding a source: fetch it now and show what it would propose; stores nothing. */
export const POST = defineRoute({ access: "admin" }, async ({ db, json: body }) => json(await trialSource(db, await body(SourceTrialSchema))));
