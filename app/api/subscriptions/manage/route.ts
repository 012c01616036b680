import { z } from "zod";
import { formOrJson, isFormPost, seeOther } from "@/lib/http/form";
import { DatabaseIdSchema } from "@/lib/input/id";
import { defineRoute, json } from "@/lib/http/route";
import { unsubscribeOne } from "@/lib/subscriptions/commands";

const StopSchema = z.object({ token: z.string({ error: "is required" }).min(1, "is required").max(200), subscriptionId: z.coerce.number().pipe(DatabaseIdSchema) }).strict();

/** Ends one subscription from the manage page. */
export const POST = defineRoute({ access: "public", maxBodyBytes: 1024 }, async (context) => {
  const { token, subscriptionId } = await formOrJson(context, StopSchema);
  await unsubscribeOne(context.db, token, subscriptionId);
  return isFormPost(context.request) ? seeOther(`/subscriptions/manage?token=${encodeURIComponent(token)}&stopped=1`) : json({ ok: true });
});
