/** Fails fast at server start, with a readable message, when the environment is invalid. */
export async function register() {
  // Only the Node.js runtime runs the app; the guard also keeps lib/env (it may exit the
  // process) out of the Edge instrumentation bundle Next builds beside it.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseEnv } = await import("@/lib/env");
  const env = parseEnv();
  // `npm start` runs server.ts, which starts its own job worker. `next dev` has no custom
  // server, so without this expiries and scheduled changes would never apply in development.
  if (process.env.NODE_ENV === "development") {
    const { getDb } = await import("@/lib/db/client");
    const { startAppJobWorker } = await import("@/lib/jobs/registry");
    await startAppJobWorker(getDb(), { takeOverRunningJobs: env.databaseProvider === "sqlite" });
  }
}
