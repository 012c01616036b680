// Production server: answers the hot public paths (API, embed) from the in-memory response
// cache before Next's per-request pipeline, and hands everything else to Next.
// Run by `npm start` (tsx server.ts) after `next build`.
import http from "node:http";
import next from "next";
import { env, type Env } from "@/lib/env";
import { createDb, type Db } from "@/lib/db/create";
import { startCrossInstanceInvalidation } from "@/lib/events/pg-channel";
import { startAppJobWorker } from "@/lib/jobs/registry";
import { cachedHotResponseForRaw, isHotPath, isStreamedPath, METHOD_NOT_ALLOWED, PREFLIGHT, produceStreamedResponse } from "@/lib/http/hot-paths";
import { errorResponse, isStreamed } from "@/lib/http/response";
import { sendResponse, sendStreamed, sendWire } from "@/lib/http/send";
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
    if (!isDecodablePath(pathname)) return sendResponse(req, res, malformedPathResponse(pathname));
    if (!isHotPath(pathname)) {
      if (isCacheablePageRequest(req, pathname, rawUrl)) return servePage(req, res, rawUrl, server, () => void handle(req, res));
      return void handle(req, res);
    }
    const method = req.method ?? "GET";
    if (method === "OPTIONS") return sendResponse(req, res, PREFLIGHT);
    if (method !== "GET" && method !== "HEAD") return sendResponse(req, res, METHOD_NOT_ALLOWED);
    if (isStreamedPath(pathname)) {
      void produceStreamedResponse(db(), req.headers.host, new URL(rawUrl, "http://internal")).then((answer) =>
        isStreamed(answer) ? sendStreamed(req, res, answer) : sendResponse(req, res, answer),
      );
      return;
    }
    const entry = cachedHotResponseForRaw(db, req.headers.host, rawUrl);
    if (!(entry instanceof Promise)) return sendWire(req, res, entry.response.status, entry.wire);
    entry.then(
      (produced) => sendWire(req, res, produced.response.status, produced.wire),
      (error: unknown) => {
        console.error(`Failed to answer ${pathname}:`, error);
        sendResponse(req, res, errorResponse(500, "Internal error"));
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
