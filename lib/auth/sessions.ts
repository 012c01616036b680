import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/db/create";
import { hostScopeFromColumn, type Role } from "./schema";

export const SESSION_TTL_SECONDS = 12 * 60 * 60;

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** Host countries this user may change; null means all. */
  hostScope: string[] | null;
}

/** Only the SHA-256 of the token is stored: a leaked sessions table opens no account. */
export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export async function createSession(db: Db, userId: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
  await db.session.create({ data: { id: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

export async function getSessionUser(db: Db, token: string | undefined, now = new Date()): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const session = await db.session.findUnique({
    where: { id: hashToken(token) },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, hostScope: true, active: true } } },
  });
  if (!session) return null;
  if (session.expiresAt <= now) {
    await db.session.deleteMany({ where: { id: hashToken(token) } });
    return null;
  }
  const { user } = session;
  if (!user.active || (user.role !== "admin" && user.role !== "editor")) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, hostScope: hostScopeFromColumn(user.hostScope) };
}

export async function deleteSession(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.session.deleteMany({ where: { id: hashToken(token) } });
}

export function canEditHost(user: SessionUser, hostCode: string): boolean {
  return user.role === "admin" || user.hostScope === null || user.hostScope.includes(hostCode);
}
