import { clientIp } from "@/lib/http/client-ip";
import { defineRoute, json } from "@/lib/http/route";
import { subscribe, SubscribeInputSchema } from "@/lib/subscriptions/commands";

// 202 whatever the address's state: the answer never tells who is subscribed.
export const POST = defineRoute({ access: "public", maxBodyBytes: 4096 }, async ({ request, db, json: body }) =>
  json(await subscribe(db, await body(SubscribeInputSchema), clientIp(request)), 202),
);
