import { UserCreateSchema } from "@/lib/auth/schema";
import { createUser, listUsers } from "@/lib/auth/users";
import { defineRoute, json } from "@/lib/http/route";

export const GET = defineRoute({ access: "admin" }, async ({ db }) => json({ users: await listUsers(db) }));

export const POST = defineRoute({ access: "admin" }, async ({ db, user, json: body }) => {
  const created = await createUser(db, { id: user.id, name: user.name }, await body(UserCreateSchema));
  return json({ user: created }, 201);
});
