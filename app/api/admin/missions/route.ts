import { createMission } from "@/lib/missions/commands";
import { getAdminMissionRows } from "@/lib/missions/admin-queries";
import { MissionCreateSchema } from "@/lib/missions/schema";
import { defineRoute, json } from "@/lib/http/route";

export const GET = defineRoute({ access: "editor" }, async ({ request, user }) => {
  const archived = new URL(request.url).searchParams.get("archived") === "1";
  const rows = await getAdminMissionRows({ archived });
  return json({ missions: user.hostScope ? rows.filter((row) => user.hostScope!.includes(row.hostCode)) : rows });
});

export const POST = defineRoute({ access: "editor" }, async ({ db, user, json: body }) => {
  const mission = await createMission(db, user, await body(MissionCreateSchema));
  return json({ mission }, 201);
});
