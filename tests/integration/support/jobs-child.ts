// Starts ./run-jobs-child.ts as one process (node --import tsx, not the tsx CLI, which would
// put a second process in between): a SIGKILL in the crash tests then kills the worker itself
// instead of leaving it running, orphaned, after the test.
import { spawn } from "node:child_process";
import { ROOT } from "../../setup/databases";

export function runJobsChild(now: string, owner: string, hangAfterClaim: boolean, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/support/run-jobs-child.ts", now, owner], {
    cwd: ROOT,
    env: { ...process.env, ...env, CHANCERY_TEST_HANG_AFTER_CLAIM: hangAfterClaim ? "1" : "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let errors = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const claimed = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      const match = /claimed (\S+)\n/.exec(output);
      if (match) resolve(match[1]!);
    });
    void exited.then(() => reject(new Error(`the worker exited before claiming: ${output}${errors}`)));
  });
  claimed.catch(() => undefined); // awaited only by the crash tests
  return { child, exited, claimed, output: () => output, errors: () => errors };
}
