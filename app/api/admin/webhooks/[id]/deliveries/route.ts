import { idParam } from "@/lib/http/params";
import { defineRoute, json } from "@/lib/http/route";
import { endpointDeliveries } from "@/lib/webhooks/endpoints";

export const GET = defineRoute({ access: "admin", params: idParam }, async ({ db, params }) => json({ deliveries: await endpointDeliveries(db, params.id) }));
