// SQLite with its write lock held by another process (the import CLI, a second server): an
// editor's write waits for it without stopping the event loop, succeeds if the lock comes free
// in time, and is answered 503 with Retry-After (never 500) if it does not.
import { describe, expect, it } from "vitest";
import * as status from "@/app/api/admin/missions/[id]/status/route";
import { getDb } from "@/lib/db/client";
import { DEFAULT_BUSY_WAIT_MS } from "@/lib/db/sqlite-adapter";
import { env } from "@/lib/env";
import { createMission } from "../factories";
import { call, createUserWithSession } from "../http";
import { holdWriteLock } from "./support/sqlite-lock-holder";
import { once } from "node:events";
import { lockWaits } from "@/lib/db/sqlite-adapter";

const report = { status: "closed", reason: "Air-raid alert", sourceUrl: "https://example.org/alert", sourceTitle: "Alert" };

/** The longest gap between 5 ms ticks while `work` runs: how long the event loop was blocked. */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ result: T; blockedMs: number }> {
  let last = performance.now();
  let blockedMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    blockedMs = Math.max(blockedMs, now - last);
    last = now;
  }, 5);
  try {
    return { result: await work(), blockedMs };
  } finally {
    clearInterval(ticker);
  }
}

describe.runIf(process.env.TEST_DB_PROVIDER === "sqlite")("a write while another process holds the SQLite write lock", () => {
  it("answers 503 with Retry-After after the wait, keeping the event loop free meanwhile; nothing is written", async () => {
    const db = getDb();
    const mission = await createMission(db);
    const { token } = await createUserWithSession(db);
    const lock = await holdWriteLock(env().DATABASE_URL);
    try {
      const started = performance.now();
      const { result: response, blockedMs } = await longestBlock(() => call(status.POST, { token, params: { id: String(mission.id) }, body: { ...report, expectedVersion: 0 } }));
      expect(response.status).toBe(503);
      expect(response.error).toMatchObject({ code: "busy", status: 503 });
      expect(response.headers.get("Retry-After")).toMatch(/^\d+$/);
      expect(performance.now() - started).toBeGreaterThanOrEqual(DEFAULT_BUSY_WAIT_MS - 50);
      // Waiting synchronously (a busy timeout) would block for the whole wait; a loaded CI
      // machine can delay a tick by ~100 ms, so the bound is a fraction of the wait.
      expect(blockedMs).toBeLessThan(DEFAULT_BUSY_WAIT_MS / 3);
    } finally {
      await lock.release();
    }
    expect(await db.statusChange.count()).toBe(0);
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).version).toBe(0);
  });

  it("succeeds once the other process commits within the wait", async () => {
    const db = getDb();
    const mission = await createMission(db);
    const { token } = await createUserWithSession(db);
    const lock = await holdWriteLock(env().DATABASE_URL);
    const waiting = once(lockWaits, "waiting");
    const pending = call(status.POST, { token, params: { id: String(mission.id) }, body: { ...report, expectedVersion: 0 } });
    // Release only once the write has met the lock and is waiting for it.
    await waiting;
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).version).toBe(0);
    await lock.release();
    const response = await pending;
    expect(response.status).toBe(200);
    expect(response.json.mission).toMatchObject({ status: "closed", version: 1 });
  });
});
