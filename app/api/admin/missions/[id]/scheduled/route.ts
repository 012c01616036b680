import { idParam } from "@/lib/http/params";
import { defineRoute, json } from "@/lib/http/route";
import { scheduleStatusChange } from "@/lib/missions/scheduled-commands";
import { ScheduledChangeSchema } from "@/lib/missions/schema";

export const POST = defineRoute({ access: "editor", params: idParam }, async ({ db, user, params, json: body }) => {
  const scheduled = await scheduleStatusChange(db, user, params.id, await body(ScheduledChangeSchema));
  return json({ scheduled }, 201);
});
