import { z } from "zod";
import { defineRoute, json } from "@/lib/http/route";
import { confirmSubscription } from "@/lib/subscriptions/commands";

const ConfirmSchema = z.object({ token: z.string().min(1, "is required").max(200) }).strict();

export const POST = defineRoute({ access: "public", maxBodyBytes: 1024 }, async ({ db, json: body }) => {
  const { token } = await body(ConfirmSchema);
  return json(await confirmSubscription(db, token));
});
