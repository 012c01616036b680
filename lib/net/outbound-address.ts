// Which addresses an outbound request (a watched source, a webhook endpoint) may reach: only
// public unicast ones, judged after DNS resolution and again on connect, so a name that
// resolves, or re-resolves, to 127.0.0.1 or 169.254.169.254 is refused. The connection is
// pinned to the address that was checked. One definition for every outbound path.
import dns from "node:dns";
import type http from "node:http";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

export class RefusedAddressError extends Error {
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(hostname === address ? `Refused the non-public address ${address}` : `Refused ${hostname}: it resolves to the non-public address ${address}`);
    this.name = "RefusedAddressError";
  }
}

/** Only public unicast addresses (ipaddr.js's ranges); IPv4-mapped IPv6 is judged as IPv4. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/** Allow-list entries are host names, addresses or CIDR ranges (tests reach local servers). */
function isAllowListed(hostname: string, address: string, allow: readonly string[]): boolean {
  const parsed = ipaddr.isValid(address) ? ipaddr.process(address) : null;
  for (const entry of allow) {
    if (entry.toLowerCase() === hostname.toLowerCase()) return true;
    if (!parsed) continue;
    if (entry.includes("/")) {
      if (!ipaddr.isValidCIDR(entry)) continue;
      const [range, bits] = ipaddr.parseCIDR(entry);
      if (range.kind() === parsed.kind() && parsed.match(range, bits)) return true;
    } else if (ipaddr.isValid(entry) && ipaddr.process(entry).toNormalizedString() === parsed.toNormalizedString()) {
      return true;
    }
  }
  return false;
}

export function assertReachable(hostname: string, address: string, allow: readonly string[]): void {
  if (!isPublicAddress(address) && !isAllowListed(hostname, address, allow)) throw new RefusedAddressError(hostname, address);
}

/** A dns lookup that refuses any non-public answer and hands the socket only the checked address. */
export function pinnedLookup(allow: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, family: options.family }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      try {
        if (!addresses.length) throw new RefusedAddressError(hostname, "no address");
        for (const { address } of addresses) assertReachable(hostname, address, allow);
      } catch (refusal) {
        return callback(refusal as NodeJS.ErrnoException, "", 4);
      }
      // IPv4 first: a name like localhost answers ::1 too, where a server may not listen.
      const pinned = [...addresses].sort((a, b) => a.family - b.family)[0]!;
      if (options.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, [pinned]);
      else callback(null, pinned.address, pinned.family);
    });
  };
}

/**
 * Guards one request: an address literal is checked before sending (it skips DNS), and the
 * socket's peer is checked again on connect; `fail` gets the refusal.
 */
export function guardRequest(request: http.ClientRequest, hostname: string, allow: readonly string[], fail: (error: RefusedAddressError) => void): void {
  request.on("socket", (socket) => {
    socket.once("connect", () => {
      try {
        assertReachable(hostname, socket.remoteAddress ?? "", allow);
      } catch (error) {
        fail(error as RefusedAddressError);
      }
    });
  });
}

/** The host name of a URL without IPv6 brackets; throws when it is a refused address literal. */
export function checkedHostname(url: URL, allow: readonly string[]): string {
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(hostname)) assertReachable(hostname, hostname, allow);
  return hostname;
}
