// server.ts refuses to start on a bad variable, naming it, instead of failing some request later.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

function startServer(variables: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", ["server.ts"], {
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "file:./tests/.tmp/never-opened.db", PORT: "3999", ...variables },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

describe("server start", () => {
  it("stops with exit code 1 and a message naming every bad variable", async () => {
    const { code, stderr } = await startServer({ PUBLIC_ORIGIN: "chancery.example", HOSTNAME: "not a host!", TRUST_PROXY: "yes", LOGIN_IP_LIMIT: "lots", ARGON2_MEMORY_KIB: "-5" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Invalid environment:\n/);
    for (const name of ["PUBLIC_ORIGIN", "HOSTNAME", "TRUST_PROXY", "LOGIN_IP_LIMIT", "ARGON2_MEMORY_KIB"]) expect(stderr).toMatch(new RegExp(`^  ${name}: `, "m"));
    expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  }, 60_000);
});
