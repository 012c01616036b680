// `npm run import -- <file> [--apply] [--all-rows]`
// Reads a Wikidata CSV export or a Chancery JSON export (optionally .gz), prints the dry run row
// by row (added, updated, rejected with the reason), and with --apply writes it in one
// transaction. Re-running on the same file changes nothing.
import fs from "node:fs";
import os from "node:os";
import zlib from "node:zlib";
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db/create";
import { parseEnv } from "@/lib/env";
import { applyImport } from "@/lib/import/apply";
import { planImport, type ImportPlan, type PlanRow } from "@/lib/import/plan";
import { readImportFile } from "@/lib/import/read-upload";

const MAX_BYTES = 200 * 1024 * 1024;

function progressBar() {
  let lastDraw = 0;
  return (phase: string, done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - lastDraw < 100) return;
    lastDraw = now;
    const width = 30;
    const ratio = total ? done / total : 1;
    const bar = "█".repeat(Math.round(ratio * width)).padEnd(width, "░");
    const text = `${phase.padEnd(14)} ${bar} ${String(Math.round(ratio * 100)).padStart(3)}% ${done}/${total}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${text}${done >= total ? "\n" : ""}`);
    else if (done >= total) process.stderr.write(`${text}\n`);
  };
}

function describe(row: PlanRow): string {
  const line = `line ${String(row.line).padStart(5)}`;
  switch (row.action) {
    case "add":
      return `${line}  add        ${row.label}`;
    case "update":
      return `${line}  update     ${row.label}: ${Object.keys(row.changes).join(", ")}`;
    case "unchanged":
      return `${line}  unchanged  ${row.label}`;
    case "reject":
      return `${line}  reject     ${row.label ? `${row.label}: ` : ""}${row.reason}`;
  }
}

function report(plan: ImportPlan, allRows: boolean) {
  for (const row of plan.rows) if (allRows || row.action !== "unchanged") console.log(describe(row));
  const { add, update, unchanged, reject } = plan.summary;
  console.log(`\n${plan.format}: ${add} to add, ${update} to update, ${unchanged} unchanged, ${reject} rejected`);
  if (plan.unmappedCountries.length) {
    console.log(`Countries that could not be mapped to a code: ${plan.unmappedCountries.map((country) => `${country.name} (${country.rows} rows)`).join(", ")}`);
  }
}

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { apply: { type: "boolean", default: false }, "all-rows": { type: "boolean", default: false } } });
  const file = positionals[0];
  if (!file) throw new Error("Usage: npm run import -- <file.csv|file.json|file.gz> [--apply] [--all-rows]");
  if (fs.statSync(file).size > MAX_BYTES) throw new Error(`${file} is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  let bytes: Uint8Array = fs.readFileSync(file);
  if (file.endsWith(".gz")) bytes = zlib.gunzipSync(bytes);
  const parsed = readImportFile(bytes);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
  // Editors' writes hold the lock briefly: the import waits for them rather than failing.
  const db = createDb(parseEnv().DATABASE_URL, { busyWaitMs: 30_000 });
  try {
    const progress = progressBar();
    if (!values.apply) {
      report(await planImport(db, parsed, progress), values["all-rows"]);
      console.log("Dry run: nothing was written. Run again with --apply to import.");
      return;
    }
    const { plan, milliseconds } = await applyImport(db, { id: null, name: `cli:import (${os.userInfo().username})` }, parsed, progress);
    report(plan, values["all-rows"]);
    console.log(`Applied in one transaction in ${(milliseconds / 1000).toFixed(1)} s.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
