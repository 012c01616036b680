// Outbound HTTP to addresses someone else chose (webhook endpoints), reaching only public
// addresses (lib/net/outbound-address.ts: after DNS, pinned, again on connect).
// No redirects are followed; the answer's body is read up to a small cap; one deadline covers
// connecting, sending and reading.
import http from "node:http";
import https from "node:https";
import { checkedHostname, guardRequest, pinnedLookup } from "./outbound-address";

export { RefusedAddressError } from "./outbound-address";

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

/** POSTs the body; resolves with the status for any answer, rejects on refusal, network error or deadline. */
export function safePost(url: string, options: SafePostOptions): Promise<SafePostResult> {
  const target = new URL(url);
  if (target.protocol !== "https:" && target.protocol !== "http:") return Promise.reject(new Error(`Unsupported protocol ${target.protocol}`));
  const allowed = options.allowedAddresses ?? [];
  let hostname: string;
  try {
    hostname = checkedHostname(target, allowed);
  } catch (refusal) {
    return Promise.reject(refusal as Error);
  }
  const maxBytes = options.maxResponseBytes ?? 2048;
  const transport = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      {
        method: "POST",
        headers: { ...options.headers, "content-length": Buffer.byteLength(options.body).toString() },
        lookup: pinnedLookup(allowed),
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
    guardRequest(request, hostname, allowed, (refusal) => request.destroy(refusal));
    const deadline = setTimeout(() => request.destroy(new Error(`No answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    request.on("error", (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    request.end(options.body);
  });
}
