import { actorOf } from "@/lib/missions/commands";
import { idParam } from "@/lib/http/params";
import { defineRoute, json } from "@/lib/http/route";
import { rotateEndpointSecret } from "@/lib/webhooks/endpoints";

export const POST = defineRoute({ access: "admin", params: idParam }, async ({ db, user, params }) => json(await rotateEndpointSecret(db, actorOf(user), params.id)));
