import { applyBulkEvent } from "@/lib/missions/commands";
import { BulkVerifySchema } from "@/lib/missions/schema";
import { defineRoute, json } from "@/lib/http/route";
import { loadVerificationQueue } from "@/lib/verification/queue";

/** The caller's verification queue (only their host countries) and today's progress. */
export const GET = defineRoute({ access: "editor" }, async ({ db, user }) => json(await loadVerificationQueue(db, user.hostScope, new Date())));

/** Re-verifies many missions from one source, as one event; each keeps its status. */
export const POST = defineRoute({ access: "editor", maxBodyBytes: 256 * 1024 }, async ({ db, user, json: body }) => {
  const result = await applyBulkEvent(db, user, await body(BulkVerifySchema));
  return json(result, 201);
});
