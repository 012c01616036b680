import { scheduledIdParams } from "@/lib/http/params";
import { defineRoute, json } from "@/lib/http/route";
import { cancelScheduledChange } from "@/lib/missions/scheduled-commands";
import { ScheduledChangeCancelSchema } from "@/lib/missions/schema";

export const POST = defineRoute({ access: "editor", params: scheduledIdParams }, async ({ db, user, params, json: body }) => {
  const { expectedVersion } = await body(ScheduledChangeCancelSchema);
  const scheduled = await cancelScheduledChange(db, user, params.id, params.scheduledId, expectedVersion);
  return json({ scheduled });
});
