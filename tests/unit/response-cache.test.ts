import { describe, expect, it } from "vitest";
import { jsonResponse, conditional } from "@/lib/http/response";
import { ResponseCache, cacheKey, type Produced } from "@/lib/http/response-cache";

const produced = (value: unknown, tags: Produced["tags"]): Produced => ({ response: jsonResponse(200, value), tags });
const change = (partial: Partial<{ missionIds: number[]; hostCodes: string[]; sendingCodes: string[] }>) => ({ missionIds: [], hostCodes: [], sendingCodes: [], ...partial });

describe("ResponseCache", () => {
  it("drops exactly the entries tagged with what changed, plus all-data ones", async () => {
    const cache = new ResponseCache(60_000);
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

  it("expires entries after the maximum age", async () => {
    let now = 0;
    const cache = new ResponseCache(1000, () => now);
    await cache.get("k", async () => produced(1, []));
    now = 1000;
    expect(cache.peek("k")).toBeDefined();
    now = 1001;
    expect(cache.peek("k")).toBeUndefined();
  });

  it("shares one production between concurrent misses", async () => {
    const cache = new ResponseCache(60_000);
    let calls = 0;
    const produce = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return produced(calls, []);
    };
    const [a, b] = await Promise.all([cache.get("k", produce), cache.get("k", produce)]);
    expect(calls).toBe(1);
    expect(a).toBe(b);
  });

  it("does not store a response produced while a write landed", async () => {
    const cache = new ResponseCache(60_000);
    let release: () => void = () => undefined;
    const pending = cache.get("k", () => new Promise<Produced>((resolve) => (release = () => resolve(produced("old", ["host:UA"])))));
    cache.invalidate(change({ hostCodes: ["UA"] }));
    release();
    expect((await pending).response.body).toBe('"old"');
    expect(cache.peek("k")).toBeUndefined();
  });

  it("normalises keys: parameter order and trailing slashes do not matter", () => {
    expect(cacheKey("http://a", new URL("http://x/api/v1/missions/?b=2&a=1"))).toBe(cacheKey("http://a", new URL("http://x/api/v1/missions?a=1&b=2")));
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
  it("serves a fresh entry at once and refreshes it in the background past half its age", async () => {
    let now = 0;
    let version = 0;
    const cache = new ResponseCache(1000, () => now);
    const produce = async () => produced(++version, []);
    const first = await cache.lookup("k", produce);
    now = 600;
    const stillFirst = cache.lookup("k", produce);
    expect(stillFirst).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(version).toBe(2);
    expect((cache.lookup("k", produce) as { response: { body: string } }).response.body).toBe("2");
    now = 1601;
    expect(cache.lookup("k", produce)).toBeInstanceOf(Promise);
  });
});
