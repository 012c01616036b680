import { clientIp } from "@/lib/http/client-ip";
import { formOrJson, isFormPost, seeOther } from "@/lib/http/form";
import { defineRoute, json } from "@/lib/http/route";
import { subscribe, SubscribeInputSchema } from "@/lib/subscriptions/commands";

// 202 whatever the address's state: the answer never tells who is subscribed.
export const POST = defineRoute({ access: "public", maxBodyBytes: 4096 }, async (context) => {
  const answer = await subscribe(context.db, await formOrJson(context, SubscribeInputSchema), clientIp(context.request));
  return isFormPost(context.request) ? seeOther("/subscriptions/sent") : json(answer, 202);
});
