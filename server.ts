// Production server: answers the hot public paths (API, embed) from the in-memory response
// cache before Next's per-request pipeline, and hands everything else to Next.
// Run by `npm start` (tsx server.ts) after `next build`.
import http from "node:http";
import next from "next";
import { env, type Env } from "@/lib/env";
import { createDb, type Db } from "@/lib/db/create";
import { startCrossInstanceInvalidation } from "@/lib/events/pg-channel";
import { startAppJobWorker } from "@/lib/jobs/registry";
import { cachedHotResponseForRaw, isHotPath, METHOD_NOT_ALLOWED, PREFLIGHT, wireOf } from "@/lib/http/hot-paths";
import { errorResponse, isNotModified, type HttpResponse } from "@/lib/http/response";
import type { CachedResponse } from "@/lib/http/response-cache";
import { isCacheablePageRequest, servePage } from "@/lib/http/page-cache";
import { applyProxyTrust } from "@/lib/http/client-ip";
import { isDecodablePath, malformedPathResponse } from "@/lib/http/malformed-path";
import { transportSecurityHeaders } from "@/lib/security/headers";

/** A bad variable stops the start here, named, rather than failing some later request. */
function readEnvironment(): Env {
  try {
    return env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

const config = readEnvironment();
const { HOSTNAME: hostname, PORT: port } = config;
// Set before any handler writes its own headers, so every answer carries them.
const everyResponseHeaders = Object.entries(transportSecurityHeaders(config.PUBLIC_ORIGIN));

// One Prisma client per process: lib/db/client.ts (used by Next's pages) picks this one up.
const holder = globalThis as unknown as { chanceryDb?: Db };
const db = () => (holder.chanceryDb ??= createDb(config.DATABASE_URL));

function send(res: http.ServerResponse, method: string, response: HttpResponse) {
  res.writeHead(response.status, response.status === 304 || response.status === 204 ? response.headers : { ...response.headers, "Content-Length": Buffer.byteLength(response.body) });
  res.end(method === "HEAD" || response.status === 304 ? undefined : response.body);
}

// The hot path: precomputed bytes and headers, no per-request allocation beyond Node's own.
function serveEntry(req: http.IncomingMessage, res: http.ServerResponse, entry: CachedResponse) {
  const wire = wireOf(entry);
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch && entry.response.status === 200 && isNotModified(ifNoneMatch, entry.response.headers.ETag)) {
    res.writeHead(304, wire.notModifiedHeaders);
    return void res.end();
  }
  const gzip = wire.gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "") ? wire.gzip : undefined;
  res.writeHead(entry.response.status, gzip ? gzip.headers : wire.headers);
  res.end(req.method === "HEAD" ? undefined : (gzip?.body ?? wire.body));
}

async function main() {
  const app = next({ dev: false, hostname, port, dir: import.meta.dirname });
  const handle = app.getRequestHandler();
  await app.prepare();
  if (config.databaseProvider === "postgres") await startCrossInstanceInvalidation(config.DATABASE_URL).ready;

  const server = http.createServer((req, res) => {
    for (const [name, value] of everyResponseHeaders) res.setHeader(name, value);
    applyProxyTrust(req.headers, req.socket.remoteAddress, config.TRUST_PROXY);
    const rawUrl = req.url ?? "/";
    const pathEnd = rawUrl.indexOf("?");
    const pathname = pathEnd === -1 ? rawUrl : rawUrl.slice(0, pathEnd);
    if (!isDecodablePath(pathname)) return send(res, req.method ?? "GET", malformedPathResponse(pathname));
    if (!isHotPath(pathname)) {
      if (isCacheablePageRequest(req, pathname, rawUrl)) return servePage(req, res, rawUrl, port, () => void handle(req, res));
      return void handle(req, res);
    }
    const method = req.method ?? "GET";
    if (method === "OPTIONS") return send(res, method, PREFLIGHT);
    if (method !== "GET" && method !== "HEAD") return send(res, method, METHOD_NOT_ALLOWED);
    const entry = cachedHotResponseForRaw(db, req.headers.host, rawUrl);
    if (!(entry instanceof Promise)) return serveEntry(req, res, entry);
    entry.then(
      (produced) => serveEntry(req, res, produced),
      (error: unknown) => {
        console.error(`Failed to answer ${pathname}:`, error);
        send(res, method, { ...errorResponse(500, "Internal error"), headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
      },
    );
  });
  server.keepAliveTimeout = 65_000;
  // Due changes (expiries, scheduled changes) are applied here; on SQLite this process is the
  // only worker, so jobs a crashed predecessor left running are taken over at once.
  const worker = await startAppJobWorker(db(), { takeOverRunningJobs: config.databaseProvider === "sqlite" });
  server.listen(port, hostname, () => console.log(`Chancery ready on http://${hostname}:${port} (${config.databaseProvider})`));
  const stop = () => {
    void worker.stop();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
