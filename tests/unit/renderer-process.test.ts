// The front and its renderer child (decision 050), with a real child process speaking the
// renderer protocol (tests/support/stand-in-renderer.mjs): misses are produced once and
// cached, invalidations over IPC drop what they name, a production across an invalidation is
// not kept, a dead child is replaced (and the cache dropped), too many renders waiting are
// refused, and repeated deaths make the front give up.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DataChange } from "@/lib/events/data-changed";
import { ResponseCache } from "@/lib/http/response-cache";
import { Admission } from "@/lib/server/admission";
import { createFrontHandler } from "@/lib/server/front";
import { RENDERER_PRIORITY, RendererProcess } from "@/lib/server/renderer";

const STAND_IN = path.resolve(import.meta.dirname, "../support/stand-in-renderer.mjs");

/** A promise the test waits on, settled by the event it stands for (never a sleep). */
function signals<T>() {
  const seen: T[] = [];
  const waiters: Array<() => void> = [];
  return {
    seen,
    push(value: T) {
      seen.push(value);
      for (const wake of waiters.splice(0)) wake();
    },
    async count(n: number) {
      while (seen.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}

interface Front {
  url: string;
  cache: ResponseCache;
  admission: Admission;
  renderer: RendererProcess;
  invalidations: ReturnType<typeof signals<DataChange>>;
  restarts: ReturnType<typeof signals<number>>;
  giveUps: ReturnType<typeof signals<number>>;
  logged: string[];
  close: () => Promise<void>;
}

const fronts: Front[] = [];
afterEach(async () => {
  await Promise.all(fronts.splice(0).map((front) => front.close()));
});

async function startFront({ admission = new Admission(), now = Date.now }: { admission?: Admission; now?: () => number } = {}): Promise<Front> {
  const cache = new ResponseCache({ maxAgeMs: 60_000 });
  const invalidations = signals<DataChange>();
  const restarts = signals<number>();
  const giveUps = signals<number>();
  const logged: string[] = [];
  const renderer = await RendererProcess.start({
    command: process.execPath,
    args: [STAND_IN],
    cwd: process.cwd(),
    env: process.env,
    now,
    log: (line) => logged.push(line),
    onInvalidate: (change) => {
      cache.invalidate(change);
      invalidations.push(change);
    },
    onRestart: () => {
      cache.clear();
      restarts.push(now());
    },
    onGiveUp: () => giveUps.push(now()),
  });
  await renderer.whenReady();
  const server = http.createServer(createFrontHandler({ cache, admission, renderer, trustProxy: 0, publicOrigin: undefined }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const front: Front = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cache,
    admission,
    renderer,
    invalidations,
    restarts,
    giveUps,
    logged,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await renderer.stop();
    },
  };
  fronts.push(front);
  return front;
}

interface Produced {
  path: string;
  n: number;
  pid: number;
}

async function getJson(url: string): Promise<Produced> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.json()) as Produced;
}

const post = async (url: string) => (await fetch(url, { method: "POST" })).text();
const state = async (front: Front) => (await (await fetch(`${front.url}/__state`)).json()) as { productions: number; held: number; pid: number; never: { waiting: number; closed: number } };

/** Asks the child's state until it holds what `done` wants: each ask is a real round trip, no sleep. */
async function stateWhen(front: Front, done: (now: Awaited<ReturnType<typeof state>>) => boolean) {
  for (;;) {
    const now = await state(front);
    if (done(now)) return now;
  }
}

async function killChild(front: Front, restartsBefore: number) {
  process.kill(front.renderer.pid!, "SIGKILL");
  await front.restarts.count(restartsBefore + 1);
  await front.renderer.whenReady();
}

describe("front and renderer processes", () => {
  it("produces a miss once in the child, then answers from the cache; proxies the rest as it is", async () => {
    const front = await startFront();
    expect(os.getPriority(front.renderer.pid!)).toBe(RENDERER_PRIORITY);
    const first = await getJson(`${front.url}/api/v1/missions?host=UA`);
    const again = await getJson(`${front.url}/api/v1/missions?host=UA`);
    expect(again).toEqual(first);
    expect((await state(front)).productions).toBe(1);
    const page = await fetch(`${front.url}/countries/UA`);
    expect(page.headers.get("content-security-policy")).toMatch(/'nonce-/);
    const echoed = (await (await fetch(`${front.url}/admin/missions?x=1`, { method: "POST", body: "hello", headers: { "x-chancery-produce": "hot" } })).json()) as Record<string, unknown>;
    // A client's production mark never reaches the child; the socket's peer is appended.
    expect(echoed).toEqual({ method: "POST", url: "/admin/missions?x=1", length: 5, forwardedFor: "127.0.0.1", produce: null });
  });

  it("closes the child's request when the client goes away, without calling that a renderer failure", async () => {
    const front = await startFront();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const client = new AbortController();
      const asked = fetch(`${front.url}/__never`, { signal: client.signal }).catch((error: unknown) => error);
      await stateWhen(front, (now) => now.never.waiting === 1);
      client.abort();
      await asked;
      expect((await stateWhen(front, (now) => now.never.closed === 1)).never.waiting).toBe(0);
      // A later proxied request still passes; the cancel was logged as nothing.
      expect((await (await fetch(`${front.url}/admin/audit`)).json()) as Record<string, unknown>).toMatchObject({ url: "/admin/audit" });
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it("asks for a page without its RSC payload, and again whole when Next answered its error shell", async () => {
    const front = await startFront();
    const page = await (await fetch(`${front.url}/countries/UA`)).text();
    expect(page).toContain("/countries/UA");
    expect(page).not.toContain("__next_f");
    expect((await state(front)).productions).toBe(1);
    const shell = await (await fetch(`${front.url}/missions/error-shell`)).text();
    // The shell is kept as it came, payload included: without it the page would be blank.
    expect(shell).toContain('self.__next_f.push([1,"page-with-payload"])');
    expect((await state(front)).productions).toBe(3);
  });

  it("drops the entries an invalidation from the child names, and only those", async () => {
    const front = await startFront();
    const ua = await getJson(`${front.url}/api/v1/missions?host=UA`);
    const fr = await getJson(`${front.url}/api/v1/missions?host=FR`);
    await post(`${front.url}/__invalidate?host=UA`);
    await front.invalidations.count(1);
    expect((await getJson(`${front.url}/api/v1/missions?host=UA`)).n).not.toBe(ua.n);
    expect(await getJson(`${front.url}/api/v1/missions?host=FR`)).toEqual(fr);
  });

  it("does not keep an answer produced across an invalidation", async () => {
    const front = await startFront();
    const pending = getJson(`${front.url}/api/v1/held?host=UA`);
    await expect.poll(async () => (await state(front)).held).toBe(1);
    await post(`${front.url}/__invalidate?host=DE`);
    await front.invalidations.count(1);
    await post(`${front.url}/__release`);
    const across = await pending;
    const next = await getJson(`${front.url}/api/v1/held?host=UA`);
    expect(next.n).not.toBe(across.n);
    expect(await getJson(`${front.url}/api/v1/held?host=UA`)).toEqual(next);
  });

  it("restarts a dead child and drops the cache, which may have missed its invalidations", async () => {
    const front = await startFront();
    const before = await getJson(`${front.url}/api/v1/missions?host=UA`);
    await killChild(front, 0);
    expect(front.cache.size).toBe(0);
    const after = await getJson(`${front.url}/api/v1/missions?host=UA`);
    expect(after.pid).not.toBe(before.pid);
    expect(front.renderer.pid).toBe(after.pid);
    expect(front.giveUps.seen).toEqual([]);
  });

  it("refuses a miss with 503 and Retry-After when too many renders wait; the admitted ones finish", async () => {
    const admission = new Admission(1, 1);
    const front = await startFront({ admission });
    const running = fetch(`${front.url}/api/v1/held?k=1`);
    await expect.poll(() => admission.active).toBe(1);
    const waiting = fetch(`${front.url}/api/v1/missions?k=2`);
    await expect.poll(() => admission.waiting).toBe(1);
    const refused = await fetch(`${front.url}/api/v1/missions?k=3`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("2");
    await post(`${front.url}/__release`);
    expect((await running).status).toBe(200);
    expect((await waiting).status).toBe(200);
  });

  it("runs refreshes of served entries before new misses", async () => {
    const admission = new Admission(1, 10);
    const order: string[] = [];
    let release: () => void = () => undefined;
    const blocker = admission.run("miss", () => new Promise<void>((resolve) => (release = resolve)));
    const miss = admission.run("miss", async () => void order.push("miss"));
    const refresh = admission.run("refresh", async () => void order.push("refresh"));
    release();
    await Promise.all([blocker, miss, refresh]);
    expect(order).toEqual(["refresh", "miss"]);
  });

  it("gives up after five deaths within a minute, not after five spread wider", async () => {
    let now = 0;
    const front = await startFront({ now: () => now });
    for (let death = 0; death < 5; death++) {
      await killChild(front, death);
      now += 20_000; // deaths at 0, 20 … 80 s: never five within a minute
    }
    expect(front.giveUps.seen).toEqual([]);
    now += 120_000;
    for (let death = 5; death < 9; death++) await killChild(front, death);
    process.kill(front.renderer.pid!, "SIGKILL");
    await front.giveUps.count(1);
    expect(front.restarts.seen).toHaveLength(9);
    expect(front.logged.at(-1)).toMatch(/5 death\(s\) within the last minute/);
  }, 30_000);

  it("stops the child and removes its private socket directory", async () => {
    const front = await startFront();
    const directory = path.dirname(front.renderer.socketPath);
    expect(fs.statSync(directory).mode & 0o777).toBe(0o700);
    const pid = front.renderer.pid!;
    await front.renderer.stop();
    expect(() => process.kill(pid, 0)).toThrow();
    expect(fs.existsSync(directory)).toBe(false);
  });
});
