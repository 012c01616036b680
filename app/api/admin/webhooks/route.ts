import { actorOf } from "@/lib/missions/commands";
import { defineRoute, json } from "@/lib/http/route";
import { createEndpoint, EndpointInputSchema, listEndpoints } from "@/lib/webhooks/endpoints";

export const GET = defineRoute({ access: "admin" }, async ({ db }) => json({ endpoints: await listEndpoints(db) }));

export const POST = defineRoute({ access: "admin", maxBodyBytes: 8192 }, async ({ db, user, json: body }) => {
  const created = await createEndpoint(db, actorOf(user), await body(EndpointInputSchema));
  return json(created, 201);
});
