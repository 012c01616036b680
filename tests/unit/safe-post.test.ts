// The outbound guard: which addresses a webhook may reach, checked on generated addresses, and
// a real local server that is refused unless explicitly allowed (also via a name resolving to it).
import http from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublicAddress } from "@/lib/net/outbound-address";
import { safePost } from "@/lib/net/safe-post";

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = (first: fc.Arbitrary<number>, second: fc.Arbitrary<number> = octet) => fc.tuple(first, second, octet, octet).map((parts) => parts.join("."));

describe("isPublicAddress", () => {
  it("refuses every private, loopback, link-local, CGNAT and multicast IPv4 address", () => {
    const blocked = fc.oneof(
      ipv4(fc.constant(10)),
      ipv4(fc.constant(127)),
      ipv4(fc.constant(0)),
      ipv4(fc.constant(169), fc.constant(254)),
      ipv4(fc.constant(172), fc.integer({ min: 16, max: 31 })),
      ipv4(fc.constant(192), fc.constant(168)),
      ipv4(fc.constant(100), fc.integer({ min: 64, max: 127 })),
      ipv4(fc.integer({ min: 224, max: 255 })),
    );
    fc.assert(fc.property(blocked, (address) => !isPublicAddress(address) && !isPublicAddress(`::ffff:${address}`)));
  });

  it("accepts ordinary public addresses", () => {
    const publicFirst = fc.integer({ min: 1, max: 223 }).filter((first) => ![10, 100, 127, 169, 172, 192, 198, 203].includes(first));
    fc.assert(fc.property(ipv4(publicFirst), (address) => isPublicAddress(address)));
    expect(isPublicAddress("2606:4700:4700::1111")).toBe(true);
  });

  it("refuses IPv6 loopback, unique-local, link-local and garbage", () => {
    for (const address of ["::ffff:7f00:1", "::ffff:a9fe:a9fe", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "not an ip", ""]) expect(isPublicAddress(address), address).toBe(false);
  });
});

describe("safePost", () => {
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    server = http.createServer((_request, response) => response.writeHead(204).end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("refuses loopback by literal address and by a name that resolves to it", async () => {
    await expect(safePost(`http://127.0.0.1:${port}/`, { headers: {}, body: "{}", timeoutMs: 2000 })).rejects.toThrow(/non-public address 127\.0\.0\.1/);
    await expect(safePost(`http://localhost:${port}/`, { headers: {}, body: "{}", timeoutMs: 2000 })).rejects.toThrow(/non-public address/);
    await expect(safePost(`http://[::1]:${port}/`, { headers: {}, body: "{}", timeoutMs: 2000 })).rejects.toThrow(/non-public address ::1/);
  });

  it("reaches an explicitly allowed address", async () => {
    const answer = await safePost(`http://localhost:${port}/`, { headers: {}, body: "{}", timeoutMs: 2000, allowedAddresses: ["127.0.0.1", "::1"] });
    expect(answer.status).toBe(204);
  });
});
