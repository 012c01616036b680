// The page cache in front of a real HTTP server standing in for Next: it renders each page
// once per data version, on any bind address, and splices a fresh nonce into every answer.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { isCacheablePageRequest, RENDER_HEADER, servePage } from "@/lib/http/page-cache";
import { ResponseCache } from "@/lib/http/response-cache";

interface Front {
  url: string;
  renders: string[];
  renderTokens: Array<string | undefined>;
  cache: ResponseCache;
  close: () => Promise<void>;
}

const servers: Front[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((front) => front.close()));
});

/** "Next": a page with a nonce in its CSP and scripts, and the path it rendered. */
function renderLikeNext(req: http.IncomingMessage, res: http.ServerResponse, front: Front) {
  front.renders.push(req.url ?? "");
  front.renderTokens.push(req.headers[RENDER_HEADER] as string | undefined);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const visitor = req.headers.cookie ? `signed in as ${req.headers.cookie}` : "anonymous";
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'` });
  res.end(`<html><script nonce="${nonce}">1</script><p>${req.url} ${visitor}</p><script nonce="${nonce}">2</script></html>`);
}

async function startFront(host: string): Promise<Front> {
  const cache = new ResponseCache({ maxAgeMs: 60_000 });
  const front: Front = { url: "", renders: [], renderTokens: [], cache, close: async () => undefined };
  // The same dispatch as server.ts: cacheable page requests through the cache, the rest to "Next".
  const server = http.createServer((req, res) => {
    const rawUrl = req.url ?? "/";
    const pathname = rawUrl.split("?")[0] ?? "/";
    const handle = () => renderLikeNext(req, res, front);
    if (isCacheablePageRequest(req, pathname, rawUrl)) return servePage(req, res, rawUrl, server, handle, cache);
    handle();
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  front.url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  front.close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  servers.push(front);
  return front;
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { status: response.status, csp: response.headers.get("content-security-policy") ?? "", body: await response.text(), encoding: response.headers.get("content-encoding") };
}

const nonceOfCsp = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
const noncesOfBody = (body: string) => [...body.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);

describe("page cache", () => {
  for (const host of ["127.0.0.2", "0.0.0.0", "::1"]) {
    it(`renders once and serves from the cache when bound to ${host}`, async () => {
      const front = await startFront(host);
      const target = host === "0.0.0.0" ? front.url.replace("0.0.0.0", "127.0.0.1") : front.url;
      const first = await get(`${target}/countries/UA`);
      const second = await get(`${target}/countries/UA`);
      expect(first.status).toBe(200);
      expect(second.body.replace(/nonce="[^"]+"/g, "")).toBe(first.body.replace(/nonce="[^"]+"/g, ""));
      expect(front.renders).toEqual(["/countries/UA"]);
    });
  }

  it("gives every response a fresh nonce, the same in its CSP and in every script", async () => {
    const front = await startFront("127.0.0.1");
    const answers = await Promise.all(Array.from({ length: 5 }, () => get(`${front.url}/`)));
    const nonces = answers.map((answer) => {
      const nonce = nonceOfCsp(answer.csp);
      expect(noncesOfBody(answer.body)).toEqual([nonce, nonce]);
      return nonce;
    });
    expect(new Set(nonces).size).toBe(5);
    expect(front.renders).toHaveLength(1);
  });

  it("gzips the page for a client that accepts it, with the nonce inside", async () => {
    const front = await startFront("127.0.0.1");
    await get(`${front.url}/search?q=kyiv`);
    const raw = await new Promise<{ encoding?: string; body: Buffer; csp: string }>((resolve, reject) => {
      http.get(`${front.url}/search?q=kyiv`, { headers: { "accept-encoding": "gzip" } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ encoding: response.headers["content-encoding"], body: Buffer.concat(chunks), csp: String(response.headers["content-security-policy"]) }));
      }).on("error", reject);
    });
    expect(raw.encoding).toBe("gzip");
    const body = zlib.gunzipSync(raw.body).toString();
    expect(noncesOfBody(body)[0]).toBe(nonceOfCsp(raw.csp));
  });

  it("lets a request with a cookie bypass the cache, in both directions", async () => {
    const front = await startFront("127.0.0.1");
    await get(`${front.url}/countries/UA`);
    const signedIn = await get(`${front.url}/countries/UA`, { cookie: "session=abc" });
    expect(signedIn.body).toContain("signed in as session=abc");
    const anonymous = await get(`${front.url}/countries/UA`);
    expect(anonymous.body).toContain("anonymous");
    expect(front.renders).toHaveLength(2);
  });

  it("drops exactly the pages a write affects", async () => {
    const front = await startFront("127.0.0.1");
    for (const path of ["/countries/UA", "/countries/FR", "/senders/US", "/"]) await get(`${front.url}${path}`);
    front.renders.length = 0;
    front.cache.invalidate({ missionIds: [1], hostCodes: ["UA"], sendingCodes: ["DE"] });
    for (const path of ["/countries/UA", "/countries/FR", "/senders/US", "/"]) await get(`${front.url}${path}`);
    expect(front.renders.sort()).toEqual(["/", "/countries/UA"]);
  });

  it("keys and renders pages without unknown parameters, so made-up query strings share one entry", async () => {
    const front = await startFront("127.0.0.1");
    for (let version = 0; version < 5; version++) await get(`${front.url}/?v=${version}`);
    await get(`${front.url}/countries/UA?utm=x&city=Kyiv`);
    await get(`${front.url}/countries/UA?city=Kyiv`);
    expect(front.renders).toEqual(["/", "/countries/UA?city=Kyiv"]);
    expect(front.cache.size).toBe(2);
  });

  it("checks the render token: a made-up one is an ordinary request and cannot force a render", async () => {
    const front = await startFront("127.0.0.1");
    await get(`${front.url}/`);
    await get(`${front.url}/`, { [RENDER_HEADER]: "0".repeat(32) });
    await get(`${front.url}/`, { [RENDER_HEADER]: "guess" });
    expect(front.renders).toHaveLength(1);
    // The cache's own render carried the real token.
    expect(front.renderTokens[0]).toMatch(/^[0-9a-f]{32}$/);
  });
});
