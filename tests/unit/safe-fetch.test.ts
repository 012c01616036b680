// The outbound fetch against a real local server: conditional GET, deadlines, size cap,
// redirects, and SSRF refusals (loopback and the cloud metadata address) without an allow-list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { isPublicAddress } from "@/lib/net/outbound-address";
import { DEFAULT_FETCH_POLICY, safeFetch, SourceFetchError, type FetchPolicy } from "@/lib/sources/safe-fetch";
import { rssFeed, startNoticeServer, type NoticeServer } from "../notice-server";

let server: NoticeServer;
const feed = rssFeed([{ guid: "a", title: "Routine", html: "<p>Office hours.</p>", link: "https://embassy.test/a", pubDate: new Date("2024-11-19T10:00:00Z") }]);

beforeAll(async () => {
  server = await startNoticeServer();
  server.set("/feed", { body: feed, type: "application/rss+xml", etag: '"v1"', lastModified: "Tue, 19 Nov 2024 10:00:00 GMT" });
});
afterAll(() => server.close());

const allowLoopback: FetchPolicy = { ...DEFAULT_FETCH_POLICY, allowPrivate: ["127.0.0.1"] };
const allowLocalhostName: FetchPolicy = { ...DEFAULT_FETCH_POLICY, allowPrivate: ["localhost"] };
const noAllowList: FetchPolicy = { ...DEFAULT_FETCH_POLICY, allowPrivate: [] };

async function refusal(url: string, policy: FetchPolicy) {
  const error = await safeFetch(url, {}, policy).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SourceFetchError);
  return error as SourceFetchError;
}

describe("SSRF refusals without an allow-list", () => {
  it("refuses loopback, the metadata address, private ranges and names that resolve to them, before any request", async () => {
    const before = server.requests.length;
    for (const url of [
      `${server.origin}/feed`,
      `${server.namedOrigin}/feed`,
      `http://[::1]:${server.port}/feed`,
      `http://[::ffff:127.0.0.1]:${server.port}/feed`,
      `http://2130706433:${server.port}/feed`,
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.1/",
      "http://192.168.1.1/",
      "http://0.0.0.0/",
      "http://[fd00::1]/",
    ]) {
      expect((await refusal(url, noAllowList)).reason, url).toBe("refused-address");
    }
    expect(server.requests.length).toBe(before);
  });

  it("fetches http(s) only and no URLs with credentials", async () => {
    expect((await refusal("file:///etc/passwd", allowLoopback)).reason).toBe("scheme");
    expect((await refusal("ftp://example.org/feed", allowLoopback)).reason).toBe("scheme");
    expect((await refusal(`http://user:pw@127.0.0.1:${server.port}/feed`, allowLoopback)).reason).toBe("scheme");
  });

  it("judges addresses by ipaddr.js ranges: only public unicast passes", () => {
    expect(["8.8.8.8", "2a00:1450:4001::1", "151.101.1.69"].every(isPublicAddress)).toBe(true);
    expect(["127.0.0.1", "169.254.169.254", "10.1.2.3", "172.16.0.1", "100.64.0.1", "::1", "fe80::1", "::ffff:10.0.0.1", "224.0.0.1", "not an ip"].some(isPublicAddress)).toBe(false);
  });

  it("reads the allow-list from SOURCE_FETCH_ALLOW_PRIVATE_HOSTS, empty by default, and watching is off by default", () => {
    expect(parseEnv({}).SOURCE_FETCH_ALLOW_PRIVATE_HOSTS).toEqual([]);
    expect(parseEnv({}).SOURCE_WATCHING).toBe("off");
    expect(parseEnv({ SOURCE_FETCH_ALLOW_PRIVATE_HOSTS: " 127.0.0.1, Localhost ,10.0.0.0/8" }).SOURCE_FETCH_ALLOW_PRIVATE_HOSTS).toEqual(["127.0.0.1", "localhost", "10.0.0.0/8"]);
    expect(() => parseEnv({ SOURCE_WATCHING: "yes" })).toThrow(/SOURCE_WATCHING/);
  });
});

describe("fetching an allowed local server", () => {
  it("sends a Chancery User-Agent, keeps ETag and Last-Modified, and answers a conditional GET with 304", async () => {
    const first = await safeFetch(`${server.origin}/feed`, {}, allowLoopback);
    expect(first).toMatchObject({ status: 200, etag: '"v1"', lastModified: "Tue, 19 Nov 2024 10:00:00 GMT" });
    expect(server.requestsTo("/feed").at(-1)?.userAgent).toMatch(/^Chancery\//);
    const second = await safeFetch(`${server.origin}/feed`, { etag: '"v1"', lastModified: "Tue, 19 Nov 2024 10:00:00 GMT" }, allowLoopback);
    expect(second.status).toBe(304);
    expect(server.requestsTo("/feed").at(-1)).toMatchObject({ ifNoneMatch: '"v1"', ifModifiedSince: "Tue, 19 Nov 2024 10:00:00 GMT" });
  });

  it("follows at most three redirects", async () => {
    expect((await safeFetch(`${server.origin}/redirect/3`, {}, allowLoopback)).status).toBe(200);
    expect((await refusal(`${server.origin}/redirect/4`, allowLoopback)).reason).toBe("too-many-redirects");
  });

  it("re-checks every redirect: to 127.0.0.1 when only the name localhost is allowed, and to 169.254.169.254", async () => {
    expect((await safeFetch(`${server.namedOrigin}/feed`, {}, allowLocalhostName)).status).toBe(200);
    const before = server.requestsTo("/feed").length;
    expect((await refusal(`${server.namedOrigin}/redirect-to-loopback`, allowLocalhostName)).reason).toBe("refused-address");
    expect(server.requestsTo("/feed").length).toBe(before);
    expect((await refusal(`${server.origin}/redirect-to-metadata`, allowLoopback)).reason).toBe("refused-address");
  });

  it("gives up on a slow answer at the deadline", async () => {
    const error = await refusal(`${server.origin}/slow`, { ...allowLoopback, timeoutMs: 300 });
    expect(error.reason).toBe("timeout");
  });

  it("stops reading a 50 MB body at the size cap, declared or not", async () => {
    expect((await refusal(`${server.origin}/huge-declared`, allowLoopback)).reason).toBe("too-large");
    const started = Date.now();
    expect((await refusal(`${server.origin}/huge`, { ...allowLoopback, maxBytes: 1024 * 1024 })).reason).toBe("too-large");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("reports a 500 and a 404 as HTTP failures", async () => {
    server.set("/broken", { body: "", type: "text/plain", status: 500 });
    expect((await refusal(`${server.origin}/broken`, allowLoopback)).message).toMatch(/HTTP 500/);
    expect((await refusal(`${server.origin}/missing`, allowLoopback)).message).toMatch(/HTTP 404/);
  });
});
