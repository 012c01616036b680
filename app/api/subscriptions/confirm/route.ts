import { z } from "zod";
import { formOrJson, isFormPost, seeOther } from "@/lib/http/form";
import { defineRoute, json } from "@/lib/http/route";
import { confirmSubscription } from "@/lib/subscriptions/commands";

const ConfirmSchema = z.object({ token: z.string({ error: "is required" }).min(1, "is required").max(200) }).strict();

export const POST = defineRoute({ access: "public", maxBodyBytes: 1024 }, async (context) => {
  const { token } = await formOrJson(context, ConfirmSchema);
  const confirmed = await confirmSubscription(context.db, token);
  return isFormPost(context.request) ? seeOther(`/subscriptions/manage?token=${encodeURIComponent(confirmed.manageToken)}&confirmed=1`) : json({ label: confirmed.label });
});
