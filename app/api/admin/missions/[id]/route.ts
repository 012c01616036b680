import { updateMission } from "@/lib/missions/commands";
import { MissionUpdateSchema } from "@/lib/missions/schema";
import { idParam } from "@/lib/http/params";
import { defineRoute, json } from "@/lib/http/route";

export const PATCH = defineRoute({ access: "editor", params: idParam }, async ({ db, user, params, json: body }) => {
  const mission = await updateMission(db, user, params.id, await body(MissionUpdateSchema));
  return json({ mission });
});
