import { changeMissionStatus } from "@/lib/missions/commands";
import { StatusUpdateSchema } from "@/lib/missions/schema";
import { idParam } from "@/lib/http/params";
import { defineRoute, json } from "@/lib/http/route";

export const POST = defineRoute({ access: "editor", params: idParam }, async ({ db, user, params, json: body }) => {
  const { mission } = await changeMissionStatus(db, user, params.id, await body(StatusUpdateSchema));
  return json({ mission });
});
