import zlib from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonResponse, conditional } from "@/lib/http/response";
import { ResponseCache, cacheKey, type Produced } from "@/lib/http/response-cache";
import { acceptedEncoding } from "@/lib/http/send";

const produced = (value: unknown, tags: Produced["tags"]): Produced => ({ response: jsonResponse(200, value), tags });
const change = (partial: Partial<{ missionIds: number[]; hostCodes: string[]; sendingCodes: string[] }>) => ({ missionIds: [], hostCodes: [], sendingCodes: [], ...partial });

/** A promise the test settles by hand: the signal that a production may finish. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe("ResponseCache", () => {
  it("drops exactly the entries tagged with what changed, plus all-data ones", async () => {
    const cache = new ResponseCache({ maxAgeMs: 60_000 });
    await cache.get("ua", async () => produced(1, ["host:UA"]));
    await cache.get("fr", async () => produced(2, ["host:FR"]));
    await cache.get("m7", async () => produced(3, ["mission:7"]));
    await cache.get("all", async () => produced(4, ["*"]));
    expect(cache.invalidate(change({ missionIds: [7], hostCodes: ["UA"], sendingCodes: ["US"] }))).toBe(3);
    expect(cache.peek("ua")).toBeUndefined();
    expect(cache.peek("m7")).toBeUndefined();
    expect(cache.peek("all")).toBeUndefined();
    expect(cache.peek("fr")?.response.body).toBe("2");
  });

  it("expires entries the maximum age after they were stored, however long the render took", async () => {
    let now = 0;
    const cache = new ResponseCache({ maxAgeMs: 1000, now: () => now });
    const render = deferred<Produced>();
    const pending = cache.get("k", () => render.promise);
    now = 5000; // a slow render: 5 s
    render.resolve(produced(1, []));
    await pending;
    now = 6000;
    expect(cache.peek("k")).toBeDefined();
    now = 6001;
    expect(cache.peek("k")).toBeUndefined();
  });

  it("shares one production between concurrent misses", async () => {
    const cache = new ResponseCache({ maxAgeMs: 60_000 });
    let calls = 0;
    const render = deferred<Produced>();
    const produce = () => {
      calls++;
      return render.promise;
    };
    const both = Promise.all([cache.get("k", produce), cache.get("k", produce), cache.lookup("k", produce)]);
    render.resolve(produced(1, []));
    const [a, b, c] = await both;
    expect(calls).toBe(1);
    expect(a).toBe(b);
    expect(a).toBe(c);
  });

  it("does not store a response produced while a write landed", async () => {
    const cache = new ResponseCache({ maxAgeMs: 60_000 });
    const render = deferred<Produced>();
    const pending = cache.get("k", () => render.promise);
    cache.invalidate(change({ hostCodes: ["UA"] }));
    render.resolve(produced("old", ["host:UA"]));
    expect((await pending).response.body).toBe('"old"');
    expect(cache.peek("k")).toBeUndefined();
  });

  it("stores gzip and brotli bytes once, when the entry is stored", async () => {
    const cache = new ResponseCache({ maxAgeMs: 60_000 });
    const big = Array.from({ length: 200 }, (_, index) => ({ index, name: `mission ${index}` }));
    const entry = await cache.get("k", async () => produced(big, []));
    expect(zlib.gunzipSync(entry.wire.gzip?.body ?? Buffer.alloc(0)).toString()).toBe(entry.response.body);
    expect(zlib.brotliDecompressSync(entry.wire.br?.body ?? Buffer.alloc(0)).toString()).toBe(entry.response.body);
    expect(entry.wire.br?.headers["Content-Encoding"]).toBe("br");
    expect(cache.peek("k")?.wire).toBe(entry.wire);
    const small = await cache.get("s", async () => produced(1, []));
    expect(small.wire.gzip).toBeUndefined();
  });

  it("never holds more bytes than its budget under a stream of distinct keys", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 40_000 }), { minLength: 1, maxLength: 60 }), async (sizes) => {
        const maxBytes = 100_000;
        const cache = new ResponseCache({ maxAgeMs: 60_000, maxBytes });
        for (const [index, size] of sizes.entries()) {
          await cache.get(`/?v=${index}`, async () => produced("x".repeat(size), []));
          expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
        }
        // The newest entry is kept whenever it fits on its own.
        const last = sizes.length - 1;
        if ((sizes[last] ?? 0) < 20_000) expect(cache.peek(`/?v=${last}`)).toBeDefined();
      }),
      { numRuns: 30 },
    );
  });

  it("normalises keys: parameter order and trailing slashes do not matter", () => {
    expect(cacheKey("http://a", new URL("http://x/api/v1/missions/?b=2&a=1"))).toBe(cacheKey("http://a", new URL("http://x/api/v1/missions?a=1&b=2")));
  });

  it("drops parameters outside the known ones from the key", () => {
    const known = new Set(["q"]);
    expect(cacheKey("", new URL("http://x/search?v=1&q=kyiv"), known)).toBe(cacheKey("", new URL("http://x/search?q=kyiv&v=2"), known));
    expect(cacheKey("", new URL("http://x/?v=1"), new Set())).toBe("/");
  });
});

describe("acceptedEncoding", () => {
  const both = { br: true, gzip: true };
  it("prefers brotli, falls back to gzip, honours q=0", () => {
    expect(acceptedEncoding("gzip, deflate, br", both)).toBe("br");
    expect(acceptedEncoding("gzip", both)).toBe("gzip");
    expect(acceptedEncoding("br;q=0, gzip", both)).toBe("gzip");
    expect(acceptedEncoding("gzip;q=0", both)).toBeUndefined();
    expect(acceptedEncoding("br", { gzip: true })).toBeUndefined();
    expect(acceptedEncoding(undefined, both)).toBeUndefined();
  });
});

describe("conditional", () => {
  it("answers 304 for a matching If-None-Match, weak or listed", () => {
    const response = jsonResponse(200, { a: 1 });
    const etag = response.headers.ETag ?? "";
    expect(conditional(response, etag).status).toBe(304);
    expect(conditional(response, `"other", W/${etag}`).status).toBe(304);
    expect(conditional(response, '"other"').status).toBe(200);
    expect(conditional(response, etag).body).toBe("");
  });
});

describe("ResponseCache.lookup", () => {
  it("serves a stale entry for one more age while exactly one refresh runs, then misses", async () => {
    let now = 0;
    let version = 0;
    const kinds: string[] = [];
    const cache = new ResponseCache({ maxAgeMs: 1000, staleMs: 1000, now: () => now });
    const refresh = deferred<Produced>();
    const produce = (kind: string) => {
      kinds.push(kind);
      version++;
      return version === 2 ? refresh.promise : Promise.resolve(produced(version, []));
    };
    const first = await cache.lookup("k", produce);
    now = 900;
    expect(cache.lookup("k", produce)).toBe(first); // fresh: no refresh
    now = 1500;
    expect(cache.lookup("k", produce)).toBe(first); // stale: served, one refresh starts
    expect(cache.lookup("k", produce)).toBe(first); // … and only one
    expect(kinds).toEqual(["miss", "refresh"]);
    refresh.resolve(produced("2", []));
    await expect.poll(() => cache.peek("k")?.response.body).toBe('"2"');
    now = 1500 + 2001; // past fresh + stale: a reader waits for a new production
    expect(cache.lookup("k", produce)).toBeInstanceOf(Promise);
    expect(kinds).toEqual(["miss", "refresh", "miss"]);
  });
});
