// server.ts rewrites forwarded headers (applyProxyTrust) so route code can tell the client's
// address and scheme apart from what a client merely claims.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";

async function clientIpModule(variables: Record<string, string> = {}) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  vi.resetModules();
  return import("@/lib/http/client-ip");
}
afterEach(() => {
  vi.unstubAllEnvs();
});

/** A real server applying the trust rule, answering with the headers route code would see. */
async function echoForwarded(trustedProxies: number, headers: Record<string, string>) {
  const { applyProxyTrust } = await clientIpModule();
  const server = http.createServer((req, res) => {
    applyProxyTrust(req.headers, req.socket.remoteAddress, trustedProxies);
    res.end(JSON.stringify(req.headers));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers });
    return (await response.json()) as Record<string, string | undefined>;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const asRouteRequest = (headers: Record<string, string | undefined>) =>
  new Request("http://chancery.test/api/auth/login", { headers: Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined)) });

describe("without TRUST_PROXY", () => {
  it("replaces a client's X-Forwarded-For with the socket's peer and drops its other forwarded claims", async () => {
    const seen = await echoForwarded(0, { "x-forwarded-for": "10.9.9.9", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", forwarded: "for=10.9.9.9" });
    expect(seen["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen["x-forwarded-proto"]).toBeUndefined();
    expect(seen["x-forwarded-host"]).toBeUndefined();
    expect(seen.forwarded).toBeUndefined();
    const { clientIp, forwardedProto, forwardedHost } = await clientIpModule();
    const request = asRouteRequest(seen);
    expect(clientIp(request)).toBe("127.0.0.1");
    expect(forwardedProto(asRouteRequest({ "x-forwarded-proto": "https" }))).toBeUndefined();
    expect(forwardedHost(asRouteRequest({ "x-forwarded-host": "evil.example" }))).toBeUndefined();
  });
});

describe("with TRUST_PROXY", () => {
  it("appends the peer and believes as many proxies as configured, no more", async () => {
    const seen = await echoForwarded(1, { "x-forwarded-for": "10.9.9.9, 203.0.113.5", "x-forwarded-proto": "https" });
    expect(seen["x-forwarded-for"]).toBe("10.9.9.9, 203.0.113.5, 127.0.0.1");
    expect(seen["x-forwarded-proto"]).toBe("https");
    const oneProxy = await clientIpModule({ TRUST_PROXY: "1" });
    expect(oneProxy.clientIp(asRouteRequest(seen))).toBe("203.0.113.5");
    expect(oneProxy.forwardedProto(asRouteRequest(seen))).toBe("https");
    const twoProxies = await clientIpModule({ TRUST_PROXY: "2" });
    expect(twoProxies.clientIp(asRouteRequest(seen))).toBe("10.9.9.9");
    // More proxies configured than the chain has: the farthest entry, never a made-up one.
    const tooMany = await clientIpModule({ TRUST_PROXY: "5" });
    expect(tooMany.clientIp(asRouteRequest(seen))).toBe("10.9.9.9");
  });
});
