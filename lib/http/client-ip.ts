// Who is asking, as far as it can be known. server.ts is the trust boundary: it rewrites the
// forwarded headers of every request (applyProxyTrust) so that the last X-Forwarded-For entry
// is always the peer of the socket; route code then believes as many proxies before it as
// TRUST_PROXY says, and no more. See docs/decisions/009-login-protection-and-proxy-trust.md.
import type { IncomingHttpHeaders } from "node:http";
import { env } from "@/lib/env";

const FORWARDED_CLAIMS = ["x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "forwarded"];

const listOf = (header: string | string[] | null | undefined) =>
  (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/** For server.ts, before anything reads the request: untrusted claims go, the socket's peer is appended. */
export function applyProxyTrust(headers: IncomingHttpHeaders, socketAddress: string | undefined, trustedProxies: number): void {
  const peer = socketAddress ?? "unknown";
  if (trustedProxies === 0) {
    for (const name of FORWARDED_CLAIMS) delete headers[name];
    headers["x-forwarded-for"] = peer;
    return;
  }
  headers["x-forwarded-for"] = [...listOf(headers["x-forwarded-for"]), peer].join(", ");
}

/** The client address for rate limiting: the entry TRUST_PROXY hops before the socket's peer. */
export function clientIp(request: Request): string {
  const chain = listOf(request.headers.get("x-forwarded-for"));
  return chain.at(-1 - env().TRUST_PROXY) ?? chain[0] ?? "unknown";
}

/** The protocol the client used, if a trusted proxy says so. */
export function forwardedProto(request: Request): string | undefined {
  if (env().TRUST_PROXY === 0) return undefined;
  return listOf(request.headers.get("x-forwarded-proto"))[0];
}

/** The host the client asked for, if a trusted proxy says so. */
export function forwardedHost(request: Request): string | undefined {
  if (env().TRUST_PROXY === 0) return undefined;
  return listOf(request.headers.get("x-forwarded-host"))[0];
}
