import { setMissionArchived } from "@/lib/missions/commands";
import { ArchiveSchema } from "@/lib/missions/schema";
import { idParam } from "@/lib/http/params";
import { defineRoute, json } from "@/lib/http/route";

export const POST = defineRoute({ access: "editor", params: idParam }, async ({ db, user, params, json: body }) => {
  const { archived } = await body(ArchiveSchema);
  return json({ mission: await setMissionArchived(db, user, params.id, archived) });
});
