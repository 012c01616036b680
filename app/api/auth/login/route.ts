import { isHttps, sessionCookie } from "@/lib/auth/cookie";
import { login } from "@/lib/auth/login";
import { loginProtection } from "@/lib/auth/login-protection";
import { LoginSchema } from "@/lib/auth/schema";
import { deleteSession, SESSION_TTL_SECONDS } from "@/lib/auth/sessions";
import { RateLimitedError, UnauthenticatedError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { defineRoute, json } from "@/lib/http/route";

const waitInWords = (seconds: number) => (seconds > 2 * 3600 ? `${Math.ceil(seconds / 3600)} hours` : `${Math.ceil(seconds / 60)} minutes`);

export const POST = defineRoute({ access: "public", maxBodyBytes: 4096 }, async ({ request, db, json: body, sessionToken }) => {
  const input = await body(LoginSchema);
  const result = await login(db, input, clientIp(request), loginProtection(db));
  if (!result.ok && result.reason === "rate-limited") {
    throw new RateLimitedError(`Too many login attempts. Try again in ${waitInWords(result.retryAfterSeconds)}.`, result.retryAfterSeconds);
  }
  if (!result.ok) throw new UnauthenticatedError("Email or password is wrong");
  // A new token on every login: a session fixed before login never becomes authenticated.
  await deleteSession(db, sessionToken);
  return json({ ok: true }, 200, {
    "Set-Cookie": sessionCookie(result.token, { secure: isHttps(request), maxAgeSeconds: SESSION_TTL_SECONDS }),
  });
});
