// Imports from the server run in a worker thread (lib/import/worker.ts), not in the request:
// reading, matching and writing 10,000 rows is seconds of synchronous work on SQLite, which
// would otherwise stop every other request meanwhile (decision 015). The caller announces the
// change here, in the server's thread, where the caches live.
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Actor } from "@/lib/audit/audit";
import { AppError, BusyError, ConflictError } from "@/lib/errors";
import { databaseUrlOf, type Db } from "@/lib/db/create";
import { announceImport, writeImport, type WrittenImport } from "./apply";
import { planImport, type ImportPlan } from "./plan";
import { readImportFile } from "./read-upload";

export interface ImportJob {
  mode: "dry-run" | "apply";
  actor: Actor;
  bytes: Uint8Array;
}

/** What the worker thread gets: the job and the database the caller's client talks to. */
export type WorkerJob = ImportJob & { databaseUrl: string };

export type ImportOutcome = ({ ok: true; plan: ImportPlan } & Omit<WrittenImport, "plan">) | { ok: false; error: string };
type WorkerMessage = ImportOutcome | { ok: "failed"; error: { name?: string; message: string; code?: unknown } };

const ENTRY = path.join(/* turbopackIgnore: true */ process.cwd(), "lib/import/worker-entry.mjs");

// A worker takes ~1 s to start (it loads Prisma and compiles TypeScript); a file this small is
// read, matched and written in a few tens of milliseconds, so it is done in this thread.
export const IN_THREAD_MAX_BYTES = 64 * 1024;

/** The worker's failure as the error to answer with: a busy database stays "busy". */
function failureOf(error: { name?: string; message: string; code?: unknown }): Error {
  if (error.code === "P1008" || error.code === "P2028") return new BusyError("The database is busy with another write; try the import again in a moment", 5);
  if (error.code === "P2002") return new ConflictError("A mission was added at the same time; run the import again");
  return new AppError("internal", `The import failed: ${error.message}`);
}

/** Plans (dry run) or writes an import, in a worker thread unless small; announces what it changed. */
export async function runImport(job: ImportJob, db: Db): Promise<ImportOutcome> {
  if (job.bytes.byteLength <= IN_THREAD_MAX_BYTES) return runInThread(job, db);
  const workerJob: WorkerJob = { ...job, databaseUrl: databaseUrlOf(db) };
  const worker = new Worker(ENTRY, { workerData: workerJob, transferList: [] });
  const message = await new Promise<WorkerMessage>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`The import worker stopped (exit code ${code}) before it answered`)));
  });
  await worker.terminate();
  if (message.ok === "failed") throw failureOf(message.error);
  if (message.ok) await announceImport(message.touched);
  return message;
}

async function runInThread(job: ImportJob, db: Db): Promise<ImportOutcome> {
  const parsed = readImportFile(job.bytes);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (job.mode === "dry-run") return { ok: true, plan: await planImport(db, parsed), touched: [], milliseconds: 0 };
  const written = await writeImport(db, job.actor, parsed);
  await announceImport(written.touched);
  return { ok: true, ...written };
}
