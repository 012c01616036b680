// CLI-only workarounds. First, prisma/orm#27403: in adapter mode the schema engine cannot
// deserialize PostgreSQL's internal `name` (OID 19) and `"char"` (OID 18) columns that it
// reads from the catalogs, so `migrate deploy` fails. Reporting them as text is harmless
// for the catalog queries. Imported by prisma.config.ts only, never by the app.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Result = require("pg/lib/result.js") as {
  prototype: { addFields(fields: Array<{ dataTypeID: number }>): void };
};

const AS_TEXT: Record<number, number> = { 19: 25, 18: 25, 1003: 1009, 1002: 1009 };
const original = Result.prototype.addFields;
Result.prototype.addFields = function patchedAddFields(fields) {
  for (const field of fields) field.dataTypeID = AS_TEXT[field.dataTypeID] ?? field.dataTypeID;
  return original.call(this, fields);
};

// The wasm schema engine arms a 10 s timer (its advisory-lock timeout) and never clears it,
// so every PostgreSQL `migrate deploy` sat idle for 10 s before exiting. Long timers are
// unref'd: they still fire while the CLI has work in flight, but no longer hold it open.
const LONG_TIMER_MS = 5_000;
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((handler: () => void, delay?: number, ...args: unknown[]) => {
  const timer = originalSetTimeout(handler, delay, ...args) as unknown as NodeJS.Timeout;
  if ((delay ?? 0) >= LONG_TIMER_MS) timer.unref();
  return timer;
}) as typeof setTimeout;
