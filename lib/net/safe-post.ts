// Outbound HTTP to addresses someone else chose (webhook endpoints): refuses private,
// loopback, link-local and other non-public addresses *after* DNS resolution, at connect time,
// so a name that resolves (or re-resolves) to 127.0.0.1 or 169.254.169.254 is refused too.
// No redirects are followed; the answer's body is read up to a small cap; one deadline covers
// connecting, sending and reading.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";

export class RefusedAddressError extends Error {
  constructor(readonly address: string) {
    super(`Refused to connect to the non-public address ${address}`);
    this.name = "RefusedAddressError";
  }
}

const NON_PUBLIC = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) NON_PUBLIC.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) NON_PUBLIC.addSubnet(network, prefix, "ipv6");

export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (!family) return false;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1, or in hex ::ffff:7f00:1) is the IPv4 address.
  const mapped = family === 6 ? /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address) : null;
  if (mapped) {
    if (mapped[1]) return isPublicAddress(mapped[1]);
    const [high, low] = [parseInt(mapped[2]!, 16), parseInt(mapped[3]!, 16)];
    return isPublicAddress([high >> 8, high & 255, low >> 8, low & 255].join("."));
  }
  return !NON_PUBLIC.check(address, family === 4 ? "ipv4" : "ipv6");
}

export interface SafePostOptions {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Non-public addresses allowed anyway (OUTBOUND_ALLOWED_ADDRESSES; tests use 127.0.0.1). */
  allowedAddresses?: readonly string[];
  /** Bytes of the answer kept (for the delivery log). */
  maxResponseBytes?: number;
}

export interface SafePostResult {
  status: number;
  body: string;
}

function guardedLookup(allowed: readonly string[]): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as dns.LookupAddress[];
      const refused = list.find((entry) => !isPublicAddress(entry.address) && !allowed.includes(entry.address));
      if (refused || !list.length) return callback(new RefusedAddressError(refused?.address ?? hostname), "", 0);
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** POSTs the body; resolves with the status for any answer, rejects on refusal, network error or deadline. */
export function safePost(url: string, options: SafePostOptions): Promise<SafePostResult> {
  const target = new URL(url);
  if (target.protocol !== "https:" && target.protocol !== "http:") return Promise.reject(new Error(`Unsupported protocol ${target.protocol}`));
  const allowed = options.allowedAddresses ?? [];
  // A literal IP never goes through lookup: check it here.
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(literal) && !isPublicAddress(literal) && !allowed.includes(literal)) return Promise.reject(new RefusedAddressError(literal));
  const maxBytes = options.maxResponseBytes ?? 2048;
  const transport = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      {
        method: "POST",
        headers: { ...options.headers, "content-length": Buffer.byteLength(options.body).toString() },
        lookup: guardedLookup(allowed),
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < maxBytes) chunks.push(chunk.subarray(0, maxBytes - size));
          size += chunk.length;
          if (size > 64 * 1024) response.destroy();
        });
        const done = () => {
          clearTimeout(deadline);
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
        };
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    const deadline = setTimeout(() => request.destroy(new Error(`No answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    request.on("error", (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    request.end(options.body);
  });
}
