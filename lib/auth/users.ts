import "server-only";
import { appendAudit, type Actor } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/create";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { hashPassword } from "./password";
import { hostScopeFromColumn, hostScopeToColumn, type UserCreateInput, type UserUpdateInput } from "./schema";

const publicUserSelect = { id: true, email: true, name: true, role: true, hostScope: true, active: true, createdAt: true } as const;

function toPublic(user: { id: number; email: string; name: string; role: string; hostScope: string | null; active: boolean; createdAt: Date }) {
  return { ...user, hostScope: hostScopeFromColumn(user.hostScope) };
}
export type PublicUser = ReturnType<typeof toPublic>;

export async function listUsers(db: Db): Promise<PublicUser[]> {
  return (await db.user.findMany({ select: publicUserSelect, orderBy: { email: "asc" } })).map(toPublic);
}

export async function createUser(db: Db, actor: Actor, input: UserCreateInput): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ConflictError(`A user with ${input.email} already exists`, { fields: [{ field: "email", message: "is taken" }] });
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash, hostScope: hostScopeToColumn(input.hostScope) },
      select: publicUserSelect,
    });
    await appendAudit(tx, actor, { action: "user.create", entityType: "user", entityId: user.id, after: toPublic(user) });
    return toPublic(user);
  });
}

/** Role, scope, name, password or deactivation. Deactivating or a new password ends the user's sessions. */
export async function updateUser(db: Db, actor: Actor, userId: number, input: UserUpdateInput): Promise<PublicUser> {
  if (actor.id === userId && (input.active === false || (input.role && input.role !== "admin"))) {
    throw new ValidationError([{ field: input.active === false ? "active" : "role", message: "you cannot deactivate or demote yourself" }], "You cannot deactivate or demote yourself");
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: publicUserSelect });
    if (!before) throw new NotFoundError(`User ${userId} does not exist`, { fields: [{ field: "id", message: `no user ${userId}` }] });
    const user = await tx.user.update({
      where: { id: userId },
      data: {
        name: input.name,
        role: input.role,
        active: input.active,
        passwordHash,
        hostScope: input.hostScope === undefined ? undefined : hostScopeToColumn(input.hostScope),
      },
      select: publicUserSelect,
    });
    if (input.active === false || passwordHash) await tx.session.deleteMany({ where: { userId } });
    await appendAudit(tx, actor, {
      action: "user.update",
      entityType: "user",
      entityId: userId,
      before: toPublic(before),
      after: { ...toPublic(user), ...(passwordHash ? { password: "changed" } : {}) },
    });
    return toPublic(user);
  });
}
