// Outbound fetches of watched sources, safe against server-side request forgery: http(s) only,
// every address checked by lib/net/outbound-address.ts (after DNS, pinned, again on connect),
// and each redirect goes through the same checks. Conditional GET, a deadline, a size cap.
import http from "node:http";
import https from "node:https";
import { checkedHostname, guardRequest, pinnedLookup, RefusedAddressError } from "@/lib/net/outbound-address";

export type FetchFailure = "scheme" | "refused-address" | "timeout" | "too-large" | "http-status" | "too-many-redirects" | "network";

export class SourceFetchError extends Error {
  constructor(
    readonly reason: FetchFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface FetchPolicy {
  /** Host names, addresses or CIDR ranges that may be reached although not public (tests). */
  allowPrivate: readonly string[];
  /** For the whole fetch, redirects included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

export const DEFAULT_FETCH_POLICY: Omit<FetchPolicy, "allowPrivate"> = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 3,
  userAgent: "Chancery/0.1 (embassy status tracker; watches official notices; +https://github.com/chancery)",
};

export interface ConditionalHeaders {
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchResult =
  | { status: 304; finalUrl: string }
  | { status: 200; finalUrl: string; body: string; contentType: string; etag: string | null; lastModified: string | null };

function asFetchError(error: SourceFetchError | RefusedAddressError): SourceFetchError {
  return error instanceof RefusedAddressError ? new SourceFetchError("refused-address", error.message) : error;
}

function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SourceFetchError("scheme", `not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SourceFetchError("scheme", `only http(s) URLs are fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new SourceFetchError("scheme", "URLs with credentials are not fetched");
  return url;
}

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer | null;
}

function requestOnce(url: URL, conditional: ConditionalHeaders, policy: FetchPolicy, deadline: number): Promise<Hop> {
  const hostname = checkedHostname(url, policy.allowPrivate);
  const transport = url.protocol === "https:" ? https : http;
  const headers: Record<string, string> = { "user-agent": policy.userAgent, accept: "*/*", "accept-encoding": "identity" };
  if (conditional.etag) headers["if-none-match"] = conditional.etag;
  if (conditional.lastModified) headers["if-modified-since"] = conditional.lastModified;
  return new Promise<Hop>((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new SourceFetchError("timeout", `no answer within ${policy.timeoutMs} ms`));
    const request = transport.request(url, { method: "GET", headers, lookup: pinnedLookup(policy.allowPrivate), agent: false });
    const fail = (error: SourceFetchError | RefusedAddressError) => {
      request.destroy();
      reject(asFetchError(error));
    };
    const timer = setTimeout(() => fail(new SourceFetchError("timeout", `no complete answer within ${policy.timeoutMs} ms`)), remaining);
    guardRequest(request, hostname, policy.allowPrivate, fail);
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error instanceof SourceFetchError || error instanceof RefusedAddressError ? asFetchError(error) : new SourceFetchError("network", `${url.host}: ${error.message}`));
    });
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        response.resume();
        clearTimeout(timer);
        return resolve({ status, headers: response.headers, body: null });
      }
      const declared = Number(response.headers["content-length"]);
      if (Number.isFinite(declared) && declared > policy.maxBytes) {
        clearTimeout(timer);
        return fail(new SourceFetchError("too-large", `the answer declares ${declared} bytes, more than the ${policy.maxBytes} allowed`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > policy.maxBytes) {
          clearTimeout(timer);
          fail(new SourceFetchError("too-large", `the answer is larger than the ${policy.maxBytes} bytes allowed`));
        } else chunks.push(chunk);
      });
      response.on("end", () => {
        clearTimeout(timer);
        resolve({ status, headers: response.headers, body: Buffer.concat(chunks) });
      });
      response.on("error", (error) => {
        clearTimeout(timer);
        reject(new SourceFetchError("network", `${url.host}: ${error.message}`));
      });
    });
    request.end();
  });
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

export async function safeFetch(rawUrl: string, conditional: ConditionalHeaders, policy: FetchPolicy): Promise<FetchResult> {
  try {
    return await fetchFollowingRedirects(rawUrl, conditional, policy);
  } catch (error) {
    throw error instanceof RefusedAddressError ? asFetchError(error) : error;
  }
}

async function fetchFollowingRedirects(rawUrl: string, conditional: ConditionalHeaders, policy: FetchPolicy): Promise<FetchResult> {
  const deadline = Date.now() + policy.timeoutMs;
  let url = parseTarget(rawUrl);
  for (let redirects = 0; ; redirects++) {
    const hop = await requestOnce(url, conditional, policy, deadline);
    if (hop.status === 304) return { status: 304, finalUrl: url.href };
    if ([301, 302, 303, 307, 308].includes(hop.status)) {
      const location = header(hop.headers.location);
      if (!location) throw new SourceFetchError("http-status", `${url.host} answered ${hop.status} without a Location`);
      if (redirects >= policy.maxRedirects) throw new SourceFetchError("too-many-redirects", `more than ${policy.maxRedirects} redirects`);
      url = parseTarget(new URL(location, url).href);
      continue;
    }
    if (hop.status !== 200 || !hop.body) throw new SourceFetchError("http-status", `${url.host} answered HTTP ${hop.status}`);
    return {
      status: 200,
      finalUrl: url.href,
      body: hop.body.toString("utf8"),
      contentType: header(hop.headers["content-type"]) ?? "",
      etag: header(hop.headers.etag),
      lastModified: header(hop.headers["last-modified"]),
    };
  }
}
