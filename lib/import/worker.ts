// Runs in a worker thread with its own database connection: reads the file, plans and writes
// the import, so the server's event loop stays free meanwhile (decision 015). Posts one message.
import { parentPort, workerData } from "node:worker_threads";
import { createDb } from "@/lib/db/create";
import { writeImport } from "./apply";
import { planImport } from "./plan";
import { readImportFile } from "./read-upload";
import type { ImportOutcome, WorkerJob } from "./run";

// Another writer (an editor, the job worker) holds the lock only briefly: the import may wait.
const IMPORT_BUSY_WAIT_MS = 30_000;

async function run(job: WorkerJob): Promise<ImportOutcome> {
  const parsed = readImportFile(job.bytes);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const db = createDb(job.databaseUrl, { busyWaitMs: IMPORT_BUSY_WAIT_MS });
  try {
    if (job.mode === "dry-run") return { ok: true, plan: await planImport(db, parsed), touched: [], milliseconds: 0 };
    return { ok: true, ...(await writeImport(db, job.actor, parsed)) };
  } finally {
    await db.$disconnect();
  }
}

run(workerData as WorkerJob).then(
  (outcome) => parentPort?.postMessage(outcome),
  (error: unknown) => parentPort?.postMessage({ ok: "failed", error: error instanceof Error ? { name: error.name, message: error.message, code: (error as { code?: unknown }).code } : { message: String(error) } }),
);
