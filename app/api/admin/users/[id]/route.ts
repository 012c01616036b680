import { UserUpdateSchema } from "@/lib/auth/schema";
import { updateUser } from "@/lib/auth/users";
import { idParam } from "@/lib/http/params";
import { defineRoute, json } from "@/lib/http/route";

export const PATCH = defineRoute({ access: "admin", params: idParam }, async ({ db, user, params, json: body }) => {
  const updated = await updateUser(db, { id: user.id, name: user.name }, params.id, await body(UserUpdateSchema));
  return json({ user: updated });
});
