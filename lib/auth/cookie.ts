// The session cookie: httpOnly, SameSite=Lax, Secure whenever the site is served over HTTPS.
import { env } from "@/lib/env";
import { forwardedProto } from "@/lib/http/client-ip";

export const SESSION_COOKIE = "chancery_session";

/** An https PUBLIC_ORIGIN settles it; otherwise the request's own scheme, or a trusted proxy's word. */
export function isHttps(request: Request): boolean {
  if (env().PUBLIC_ORIGIN?.startsWith("https:")) return true;
  const proto = forwardedProto(request);
  if (proto) return proto === "https";
  return new URL(request.url).protocol === "https:";
}

export function sessionCookie(token: string, { secure, maxAgeSeconds }: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie("", { secure, maxAgeSeconds: 0 });
}

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=") || undefined;
  }
  return undefined;
}
