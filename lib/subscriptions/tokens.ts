// Tokens in links: 32 random bytes, base64url. The confirmation token is stored only as its
// SHA-256, so a copy of the database cannot confirm anyone's subscription.
import crypto from "node:crypto";

export const newToken = () => crypto.randomBytes(32).toString("base64url");
export const tokenHash = (token: string) => crypto.createHash("sha256").update(token).digest("base64url");

/** Compares in constant time (the manage token is compared after a lookup by subscriber). */
export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
