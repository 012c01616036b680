import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { listUsers } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { UsersAdmin } from "./users-admin";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requireUser("admin");
  const users = await listUsers(getDb());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Users</h1>
      <UsersAdmin users={users.map(({ createdAt, ...rest }) => ({ ...rest, createdAt: createdAt.toISOString() }))} currentUserId={user.id} />
    </div>
  );
}
