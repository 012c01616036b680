import { z } from "zod";
import { DatabaseIdSchema } from "@/lib/input/id";
import { defineRoute, json } from "@/lib/http/route";
import { unsubscribeOne } from "@/lib/subscriptions/commands";

const StopSchema = z.object({ token: z.string().min(1, "is required").max(200), subscriptionId: DatabaseIdSchema }).strict();

/** Ends one subscription from the manage page. */
export const DELETE = defineRoute({ access: "public", maxBodyBytes: 1024 }, async ({ db, json: body }) => {
  const { token, subscriptionId } = await body(StopSchema);
  await unsubscribeOne(db, token, subscriptionId);
  return json({ ok: true });
});
