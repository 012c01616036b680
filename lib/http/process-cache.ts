// The response cache of a process that also writes: Next's route code under `next dev`, where
// no front process (server.ts) stands before it. Subscribed to this process's writes and, on
// PostgreSQL, to other instances' through LISTEN. In production the front holds the cache and
// the renderer process only produces (decision 050).
import { env } from "@/lib/env";
import { onDataChange } from "@/lib/events/data-changed";
import { ResponseCache } from "./response-cache";

const holder = globalThis as unknown as { chanceryResponseCache?: ResponseCache };

export function getResponseCache(): ResponseCache {
  if (!holder.chanceryResponseCache) {
    const config = env();
    const cache = new ResponseCache({ maxBytes: config.RESPONSE_CACHE_MB * 1024 * 1024 });
    onDataChange((change) => cache.invalidate(change));
    holder.chanceryResponseCache = cache;
    if (config.databaseProvider === "postgres") {
      void import("@/lib/events/pg-channel").then(({ startCrossInstanceInvalidation }) => startCrossInstanceInvalidation(config.DATABASE_URL));
    }
  }
  return holder.chanceryResponseCache;
}
