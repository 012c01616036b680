import { actorOf } from "@/lib/missions/commands";
import { idParam } from "@/lib/http/params";
import { defineRoute, json } from "@/lib/http/route";
import { EndpointUpdateSchema, setEndpointActive } from "@/lib/webhooks/endpoints";

export const PATCH = defineRoute({ access: "admin", params: idParam }, async ({ db, user, params, json: body }) => {
  const { active } = await body(EndpointUpdateSchema);
  return json({ endpoint: await setEndpointActive(db, actorOf(user), params.id, active) });
});
