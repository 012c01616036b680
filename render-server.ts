// The render process (decision 037), started by server.ts: Next, the database, the hot paths'
// answers and the job worker, listening on a unix socket only the serving process reaches. The
// serving process keeps the response cache and answers hits; every miss, every editor request
// and every write comes here, so no render or synchronous query blocks the answers to hits.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { env } from "@/lib/env";
import { createDb, type Db } from "@/lib/db/create";
import { onDataChange } from "@/lib/events/listeners";
import { startCrossInstanceInvalidation } from "@/lib/events/pg-channel";
import { startAppJobWorker } from "@/lib/jobs/registry";
import { produceHotResponse } from "@/lib/http/hot-produce";
import { ORIGIN_HEADER, PRODUCE_HEADER, RENDER_SOCKET_ENV, TAGS_HEADER, type RenderMessage } from "@/lib/process/render-protocol";

const config = env();
const socketPath = process.env[RENDER_SOCKET_ENV];
if (!socketPath || !process.send) {
  console.error(`render-server.ts is started by server.ts (it needs ${RENDER_SOCKET_ENV} and an IPC channel)`);
  process.exit(1);
}
const tell = (message: RenderMessage) => process.send?.(message);

// One Prisma client per process: lib/db/client.ts (used by Next's pages) picks this one up.
const holder = globalThis as unknown as { chanceryDb?: Db };
const db = () => (holder.chanceryDb ??= createDb(config.DATABASE_URL));

// The serving process is gone (stopped, or killed -9): so is this one, with its job worker,
// so that a new server's render process is the only worker.
process.on("disconnect", () => process.exit(0));

async function produce(req: http.IncomingMessage, res: http.ServerResponse) {
  const origin = String(req.headers[ORIGIN_HEADER] ?? "");
  const { response, tags } = await produceHotResponse(db(), origin, new URL(req.url ?? "/", "http://internal"));
  res.writeHead(response.status, { ...response.headers, [TAGS_HEADER]: JSON.stringify(tags), "Content-Length": String(Buffer.byteLength(response.body)) });
  res.end(response.body);
}

/**
 * Next reads the configuration the build recorded, as its own standalone server makes it do
 * (the same variable): reading next.config.ts again would compile it with SWC, whose native
 * module then stays loaded (~27 MB of this process's memory) for nothing.
 */
function applyBuiltNextConfig(dir: string) {
  const { config: built } = JSON.parse(fs.readFileSync(path.join(dir, ".next/required-server-files.json"), "utf8")) as { config: unknown };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(built);
}

async function main() {
  const dir = import.meta.dirname;
  applyBuiltNextConfig(dir);
  const app = next({ dev: false, hostname: config.HOSTNAME, port: config.PORT, dir });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Every change this process hears, its own writes' and (PostgreSQL) other instances', goes to the serving process's cache.
  onDataChange((change) => tell({ kind: "data-change", change }));
  if (config.databaseProvider === "postgres") await startCrossInstanceInvalidation(config.DATABASE_URL).ready;

  const server = http.createServer((req, res) => {
    if (req.headers[PRODUCE_HEADER] !== undefined) {
      return void produce(req, res).catch((error: unknown) => {
        console.error(`Failed to answer ${req.url}:`, error);
        res.destroy();
      });
    }
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  // Due changes (expiries, scheduled changes) are applied here; on SQLite this process is the
  // only worker, so jobs a crashed predecessor left running are taken over at once.
  const worker = await startAppJobWorker(db(), { takeOverRunningJobs: config.databaseProvider === "sqlite" });
  fs.rmSync(socketPath!, { force: true });
  server.listen(socketPath, () => tell({ kind: "ready" }));
  const stop = () => {
    void worker.stop();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGTERM", stop);
  // Ctrl-C reaches the whole process group: the serving process decides, and stops this one.
  process.on("SIGINT", () => undefined);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
