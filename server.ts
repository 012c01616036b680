// Production server (decision 037): this serving process keeps the response cache and answers
// every hit (API, embed, public pages) from memory; every miss, editor request and write goes
// to its render process (render-server.ts: Next, the database, the job worker), which it
// starts, restarts when it dies and stops with itself. Renders and synchronous queries block
// only that process's event loop, never the answers to hits.
// Run by `npm start` (tsx server.ts) after `next build`.
import http from "node:http";
import path from "node:path";
import { env, type Env } from "@/lib/env";
import { dispatchDataChangeLocally } from "@/lib/events/listeners";
import { cachedHotResponseForRaw, isHotPath, METHOD_NOT_ALLOWED, PREFLIGHT } from "@/lib/http/hot-paths";
import { errorResponse } from "@/lib/http/response";
import { expectRelayedChanges, getResponseCache } from "@/lib/http/response-cache";
import { sendResponse, sendWire } from "@/lib/http/send";
import { isCacheablePageRequest, servePage } from "@/lib/http/page-cache";
import { applyProxyTrust } from "@/lib/http/client-ip";
import { isDecodablePath, malformedPathResponse } from "@/lib/http/malformed-path";
import { passOn, producerVia } from "@/lib/process/render-client";
import { startRenderProcess } from "@/lib/process/render-process";
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

async function main() {
  expectRelayedChanges();
  const cache = getResponseCache();
  const render = startRenderProcess({
    entry: path.join(import.meta.dirname, "render-server.ts"),
    // This process's own flags (the TypeScript loader) and the render process's heap limit.
    execArgv: [...process.execArgv, `--max-old-space-size=${config.RENDER_HEAP_MB}`],
    // Fewer malloc arenas: the render process's native memory (zlib, SQLite, Prisma) stays ~25 MB smaller.
    env: { MALLOC_ARENA_MAX: "2", ...process.env },
    onChange: dispatchDataChangeLocally,
    onRestart: () => cache.invalidate({ missionIds: [], hostCodes: [], sendingCodes: [], everything: true }),
  });
  await render.ready;
  const target = () => render.target();
  const produce = producerVia(target);

  const server = http.createServer((req, res) => {
    for (const [name, value] of everyResponseHeaders) res.setHeader(name, value);
    applyProxyTrust(req.headers, req.socket.remoteAddress, config.TRUST_PROXY);
    const rawUrl = req.url ?? "/";
    const pathEnd = rawUrl.indexOf("?");
    const pathname = pathEnd === -1 ? rawUrl : rawUrl.slice(0, pathEnd);
    if (!isDecodablePath(pathname)) return sendResponse(req, res, malformedPathResponse(pathname));
    if (!isHotPath(pathname)) {
      if (isCacheablePageRequest(req, pathname, rawUrl)) return servePage(req, res, rawUrl, target, () => passOn(target, req, res));
      return passOn(target, req, res);
    }
    const method = req.method ?? "GET";
    if (method === "OPTIONS") return sendResponse(req, res, PREFLIGHT);
    if (method !== "GET" && method !== "HEAD") return sendResponse(req, res, METHOD_NOT_ALLOWED);
    const entry = cachedHotResponseForRaw(produce, req.headers.host, rawUrl);
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
  server.listen(port, hostname, () => console.log(`Chancery ready on http://${hostname}:${port} (${config.databaseProvider}; render process ${render.pid()})`));
  const stop = () => {
    server.close(() => void render.stop().then(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 6000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
