// The page cache in front of a real HTTP server standing in for Next (in production, the
// renderer process): it renders each page once per data version and splices a fresh nonce into
// every answer.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { isCacheablePageRequest, servePage, type PageRender } from "@/lib/http/page-cache";
import { ResponseCache } from "@/lib/http/response-cache";

interface Front {
  url: string;
  renders: string[];
  renderHeaders: http.IncomingHttpHeaders[];
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
  front.renderHeaders.push(req.headers);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const visitor = req.headers.cookie ? `signed in as ${req.headers.cookie}` : "anonymous";
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'` });
  res.end(`<html><script nonce="${nonce}">1</script><p>${req.url} ${visitor}</p><script nonce="${nonce}">2</script></html>`);
}

function listen(server: http.Server, host: string): Promise<string> {
  return new Promise((resolve) => server.listen(0, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`)));
}

function closing(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

async function startFront(host = "127.0.0.1"): Promise<Front> {
  const cache = new ResponseCache({ maxAgeMs: 60_000 });
  const front: Front = { url: "", renders: [], renderHeaders: [], cache, close: async () => undefined };
  const next = http.createServer((req, res) => renderLikeNext(req, res, front));
  const nextUrl = await listen(next, "127.0.0.1");
  // What the front's render does over the renderer's socket, here over TCP.
  const render: PageRender = (path, hostHeader, locale) =>
    new Promise((resolve, reject) => {
      http
        .get(`${nextUrl}${path}`, { headers: { host: hostHeader ?? "localhost", "accept-language": locale, "accept-encoding": "identity" } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 500, headers: response.headers, body: Buffer.concat(chunks).toString() }));
        })
        .on("error", reject);
    });
  // The same dispatch as the front (lib/server/front.ts): cacheable page requests through the cache, the rest to "Next".
  const server = http.createServer((req, res) => {
    const rawUrl = req.url ?? "/";
    const pathname = rawUrl.split("?")[0] ?? "/";
    const handle = () => renderLikeNext(req, res, front);
    if (isCacheablePageRequest(req, pathname, rawUrl)) return servePage(req, res, rawUrl, render, handle, cache);
    handle();
  });
  front.url = await listen(server, host);
  front.close = async () => {
    await Promise.all([closing(server), closing(next)]);
  };
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
  it("renders once and serves from the cache", async () => {
    const front = await startFront();
    const first = await get(`${front.url}/countries/UA`);
    const second = await get(`${front.url}/countries/UA`);
    expect(first.status).toBe(200);
    expect(second.body.replace(/nonce="[^"]+"/g, "")).toBe(first.body.replace(/nonce="[^"]+"/g, ""));
    expect(front.renders).toEqual(["/countries/UA"]);
  });

  it("gives every response a fresh nonce, the same in its CSP and in every script", async () => {
    const front = await startFront();
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
    const front = await startFront();
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
    const front = await startFront();
    await get(`${front.url}/countries/UA`);
    const signedIn = await get(`${front.url}/countries/UA`, { cookie: "session=abc" });
    expect(signedIn.body).toContain("signed in as session=abc");
    const anonymous = await get(`${front.url}/countries/UA`);
    expect(anonymous.body).toContain("anonymous");
    expect(front.renders).toHaveLength(2);
  });

  it("drops exactly the pages a write affects", async () => {
    const front = await startFront();
    for (const path of ["/countries/UA", "/countries/FR", "/senders/US", "/"]) await get(`${front.url}${path}`);
    front.renders.length = 0;
    front.cache.invalidate({ missionIds: [1], hostCodes: ["UA"], sendingCodes: ["DE"] });
    for (const path of ["/countries/UA", "/countries/FR", "/senders/US", "/"]) await get(`${front.url}${path}`);
    expect(front.renders.sort()).toEqual(["/", "/countries/UA"]);
  });

  it("keys and renders pages without unknown parameters, so made-up query strings share one entry", async () => {
    const front = await startFront();
    for (let version = 0; version < 5; version++) await get(`${front.url}/?v=${version}`);
    await get(`${front.url}/countries/UA?utm=x&city=Kyiv`);
    await get(`${front.url}/countries/UA?city=Kyiv`);
    expect(front.renders).toEqual(["/", "/countries/UA?city=Kyiv"]);
    expect(front.cache.size).toBe(2);
  });

  it("renders anonymously, in the reader's best language, once per language", async () => {
    const front = await startFront();
    await get(`${front.url}/`, { "accept-language": "de-AT, en;q=0.5", "x-forwarded-for": "203.0.113.9" });
    await get(`${front.url}/`, { "accept-language": "de" });
    await get(`${front.url}/`, { "accept-language": "fr" });
    expect(front.renders).toEqual(["/", "/"]);
    expect(front.renderHeaders.map((headers) => headers["accept-language"])).toEqual(["de", "en"]);
    expect(front.renderHeaders[0]?.["x-forwarded-for"]).toBeUndefined();
  });
});

describe("which page requests the front may answer from its cache", () => {
  const request = (headers: Record<string, string>) => ({ method: "GET", headers }) as unknown as http.IncomingMessage;
  it("leaves a prefixed page's rewrite, sent back by Next, to the renderer (it would be served unprefixed)", () => {
    expect(isCacheablePageRequest(request({}), "/countries/UA", "/countries/UA?city=Kyiv")).toBe(true);
    expect(isCacheablePageRequest(request({ "x-chancery-locale-pass": "token" }), "/countries/UA", "/countries/UA?city=Kyiv")).toBe(false);
  });
});
