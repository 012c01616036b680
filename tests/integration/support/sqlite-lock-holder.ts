// Another process holding SQLite's write lock, as the import CLI or a second server would.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { sqlitePathOf } from "@/lib/db/adapters";

const HOLDER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1]);
db.prepare("BEGIN IMMEDIATE").run();
process.stdout.write("locked\\n");
process.stdin.once("data", () => { db.prepare("COMMIT").run(); db.close(); process.stdout.write("released\\n"); process.exit(0); });
`;

export async function holdWriteLock(databaseUrl: string) {
  const child = spawn(process.execPath, ["-e", HOLDER, sqlitePathOf(databaseUrl)], { stdio: ["pipe", "pipe", "inherit"] });
  let output = "";
  const saw = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => output.includes(text) && resolve();
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        check();
      });
      child.once("exit", (code) => (output.includes(text) ? resolve() : reject(new Error(`lock holder exited (${code}) before "${text}"`))));
      check();
    });
  await saw("locked");
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      child.stdin.write("release\n");
      await saw("released");
      if (child.exitCode === null) await once(child, "exit");
    },
  };
}
