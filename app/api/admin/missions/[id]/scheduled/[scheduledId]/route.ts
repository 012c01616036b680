import { scheduledIdParams } from "@/lib/http/params";
import { defineRoute, json } from "@/lib/http/route";
import { updateScheduledChange } from "@/lib/missions/scheduled-commands";
import { ScheduledChangeUpdateSchema } from "@/lib/missions/schema";

export const PATCH = defineRoute({ access: "editor", params: scheduledIdParams }, async ({ db, user, params, json: body }) => {
  const scheduled = await updateScheduledChange(db, user, params.id, params.scheduledId, await body(ScheduledChangeUpdateSchema));
  return json({ scheduled });
});
