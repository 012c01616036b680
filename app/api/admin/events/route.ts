import { applyBulkEvent } from "@/lib/missions/commands";
import { BulkEventSchema } from "@/lib/missions/schema";
import { defineRoute, json } from "@/lib/http/route";

export const POST = defineRoute({ access: "editor", maxBodyBytes: 256 * 1024 }, async ({ db, user, json: body }) => {
  const result = await applyBulkEvent(db, user, await body(BulkEventSchema));
  return json(result, 201);
});
