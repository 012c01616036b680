import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { SESSION_COOKIE } from "./cookie";
import { getSessionUser, type SessionUser } from "./sessions";

/** The logged-in user of the page being rendered, or null. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return getSessionUser(getDb(), token);
}

/** For admin pages: the user, or a redirect to the login page (and a 404-like refusal for a missing role). */
export async function requireUser(role: "editor" | "admin" = "editor"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/admin/login");
  if (role === "admin" && user.role !== "admin") redirect("/admin?denied=admin");
  return user;
}
