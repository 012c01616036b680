// Production server, the FRONT process (decision 050): the response cache, the send path and
// the security rules, with no Next and no database (lint: chancery/front-without-database).
// Next, Prisma, the job worker and the PostgreSQL relay run in the renderer child
// (server-renderer.ts), which this process starts, restarts and stops. Bundled by
// scripts/build-front.ts to .next/chancery/server.mjs, which `npm run serve` runs on plain node.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { envOrExit } from "@/lib/env";
import { ResponseCache } from "@/lib/http/response-cache";
import { Admission } from "@/lib/server/admission";
import { createFrontHandler } from "@/lib/server/front";
import { rendererCommand, RendererProcess } from "@/lib/server/renderer";

/** The checkout: this file's directory, or two up when it runs bundled from .next/chancery. */
function appRoot(): string {
  const here = import.meta.dirname;
  return fs.existsSync(path.join(here, "package.json")) ? here : path.resolve(here, "../..");
}

const config = envOrExit();

async function main() {
  const root = appRoot();
  const cache = new ResponseCache({ maxBytes: config.RESPONSE_CACHE_MB * 1024 * 1024 });
  const renderer = await RendererProcess.start({
    ...rendererCommand(root, config.RENDERER_HEAP_MB),
    cwd: root,
    env: process.env,
    onInvalidate: (change) => cache.invalidate(change),
    onRestart: () => cache.clear(),
    onGiveUp: () => {
      console.error("The renderer process keeps dying: stopping the server.");
      process.exit(1);
    },
  });
  const server = http.createServer(createFrontHandler({ cache, admission: new Admission(), renderer, trustProxy: config.TRUST_PROXY, publicOrigin: config.PUBLIC_ORIGIN }));
  server.keepAliveTimeout = 65_000;
  await renderer.whenReady();
  server.listen(config.PORT, config.HOSTNAME, () => console.log(`Chancery ready on http://${config.HOSTNAME}:${config.PORT} (${config.databaseProvider})`));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 15_000).unref();
    void renderer.stop().finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
