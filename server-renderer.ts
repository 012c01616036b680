// The RENDERER process (decision 050), started by the front (server.ts, lib/server/renderer.ts)
// with a bounded heap and a lower priority: Next, the database, the job worker and the
// PostgreSQL LISTEN relay. It listens on a Unix socket only the front can reach, produces what
// the front caches (lib/server/renderer-protocol.ts), answers what the front proxies, and tells
// the front every data change over the IPC channel. It exits when that channel closes: a front
// that died (kill -9 included) leaves no renderer behind.
import "@/lib/server/source-maps-off";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { envOrExit } from "@/lib/env";
import { createDb, type Db } from "@/lib/db/create";
import { onDataChange } from "@/lib/events/data-changed";
import { startCrossInstanceInvalidation } from "@/lib/events/pg-channel";
import { startAppJobWorker } from "@/lib/jobs/registry";
import { isHotPath, isStreamedPath, produceHotResponse, produceStreamedResponse } from "@/lib/http/hot-paths";
import { publicOrigin } from "@/lib/http/origin";
import { isStreamed } from "@/lib/http/response";
import { sendResponse, sendStreamed } from "@/lib/http/send";
import { nextAnswersTheSwitch, withoutInlinedFlightData } from "@/lib/server/inlined-flight-data";
import { ANSWER_HEADER, encodeAnswer, PRODUCE_HEADER, type RendererMessage } from "@/lib/server/renderer-protocol";

function tell(message: RendererMessage) {
  process.send?.(message);
}

const { values } = parseArgs({ options: { socket: { type: "string" } } });
const socketPath = values.socket;

if (!process.send) {
  console.error("server-renderer.ts is started by the front process (npm run serve), not on its own.");
  process.exit(1);
}
// The socket's directory is the front's; a front that died cannot remove it any more.
process.on("disconnect", () => {
  try {
    if (socketPath) {
      fs.rmSync(socketPath, { force: true });
      // rmdir removes only an empty directory: nothing but the socket is ever lost.
      fs.rmdirSync(path.dirname(socketPath));
    }
  } catch {
    // Already gone, or not empty: left as it is.
  }
  process.exit(0);
});
// Ctrl-C reaches the whole process group: the front stops this process itself (SIGTERM).
process.on("SIGINT", () => undefined);

const config = envOrExit();

// One Prisma client per process: lib/db/client.ts (used by Next's pages) picks this one up.
const holder = globalThis as unknown as { chanceryDb?: Db };
const db = () => (holder.chanceryDb ??= createDb(config.DATABASE_URL));

async function main() {
  if (!socketPath) throw new Error("server-renderer.ts needs --socket <path>");
  // Every write this process makes or hears of (the relay below) goes to the front's cache.
  onDataChange((change) => tell({ type: "invalidate", change }));
  const app = next({ dev: false, hostname: config.HOSTNAME, port: config.PORT, dir: import.meta.dirname });
  const handle = app.getRequestHandler();
  await app.prepare();
  if (!nextAnswersTheSwitch()) console.warn("Next's runtime is not patched (scripts/patch-next.ts, run by npm install): public pages are rendered with their RSC payload, which the front then strips.");
  if (config.databaseProvider === "postgres") await startCrossInstanceInvalidation(config.DATABASE_URL).ready;

  const server = http.createServer((req, res) => {
    const rawUrl = req.url ?? "/";
    const pathname = rawUrl.split("?", 1)[0] ?? "/";
    if (req.headers[PRODUCE_HEADER] === "hot") {
      void produceHotResponse(db(), publicOrigin(req.headers.host), new URL(rawUrl, "http://internal")).then((produced) => {
        const body = Buffer.from(produced.response.body);
        res.writeHead(200, { [ANSWER_HEADER]: encodeAnswer(produced), "content-type": "application/octet-stream", "content-length": String(body.length) });
        res.end(body);
      });
      return;
    }
    if (isHotPath(pathname) && isStreamedPath(pathname)) {
      void produceStreamedResponse(db(), req.headers.host, new URL(rawUrl, "http://internal")).then((answer) => (isStreamed(answer) ? sendStreamed(req, res, answer) : sendResponse(req, res, answer)));
      return;
    }
    if (req.headers[PRODUCE_HEADER] === "page") return void withoutInlinedFlightData(() => handle(req, res));
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  // Due changes (expiries, scheduled changes) are applied here; on SQLite this process is the
  // only worker, so jobs a crashed predecessor left running are taken over at once.
  const worker = await startAppJobWorker(db(), { takeOverRunningJobs: config.databaseProvider === "sqlite" });
  fs.rmSync(socketPath, { force: true });
  server.listen(socketPath, () => tell({ type: "ready" }));
  process.on("SIGTERM", () => {
    void worker.stop();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
