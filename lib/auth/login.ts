import "server-only";
import type { Db } from "@/lib/db/create";
import type { LoginProtection } from "./login-protection";
import { verifyPassword } from "./password";
import type { LoginInput } from "./schema";
import { createSession } from "./sessions";

export type LoginResult =
  | { ok: true; userId: number; token: string; expiresAt: Date }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * Checks the credentials and opens a new session. A wrong email, a wrong password and a
 * deactivated account all give the same answer after the same work (one argon2 verify).
 */
export async function login(db: Db, input: LoginInput, clientIp: string, protection: LoginProtection): Promise<LoginResult> {
  const attempt = await protection.begin(input.email, clientIp);
  if (attempt.retryAfterSeconds) return { ok: false, reason: "rate-limited", retryAfterSeconds: attempt.retryAfterSeconds };

  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, passwordHash: true, active: true } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !passwordOk || !user.active) {
    await attempt.failed();
    return { ok: false, reason: "invalid" };
  }
  await attempt.succeeded();
  await db.session.deleteMany({ where: { userId: user.id, expiresAt: { lte: new Date() } } });
  const { token, expiresAt } = await createSession(db, user.id);
  return { ok: true, userId: user.id, token, expiresAt };
}
