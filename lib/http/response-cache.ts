// In-memory cache of produced responses, keyed by normalised URL and tagged by the data they
// show. A write drops exactly the entries tagged with what it changed (plus all-data ones);
// entries also expire after MAX_AGE_MS as a safety net for a missed notification.
import zlib from "node:zlib";
import { onDataChange, type DataChange } from "@/lib/events/data-changed";
import { invalidatedTags, type CacheTag } from "./cache-tags";
import type { HttpResponse } from "./response";

export const MAX_AGE_MS = 1000;
const MAX_ENTRIES = 5000;

export interface CachedResponse {
  response: HttpResponse;
  tags: readonly CacheTag[];
  storedAt: number;
  gzipped?: Buffer;
  /** Bytes and headers ready to write, computed once per entry by the custom server. */
  wire?: Wire;
}

export interface Wire {
  body: Buffer;
  headers: Record<string, string>;
  gzip?: { body: Buffer; headers: Record<string, string> };
  notModifiedHeaders: Record<string, string>;
}

export interface Produced {
  response: HttpResponse;
  tags: CacheTag[];
}

export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private readonly inFlight = new Map<string, Promise<CachedResponse>>();
  /** Bumped by every invalidation: a response produced across one is not stored. */
  private generation = 0;

  constructor(
    private readonly maxAgeMs = MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** A fresh entry, synchronously, or undefined. */
  peek(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt > this.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /**
   * The fresh entry synchronously when there is one, else a promise of the one `produce` makes.
   * An entry past half its age is refreshed in the background while it is still served, so a
   * busy key never makes its readers wait.
   */
  lookup(key: string, produce: () => Promise<Produced>): CachedResponse | Promise<CachedResponse> {
    const hit = this.peek(key);
    if (!hit) return this.get(key, produce);
    if (this.now() - hit.storedAt > this.maxAgeMs / 2 && !this.inFlight.has(key)) {
      this.produceAndStore(key, produce).catch(() => undefined);
    }
    return hit;
  }

  /** The cached entry, or the one `produce` makes (concurrent misses share one production). */
  async get(key: string, produce: () => Promise<Produced>): Promise<CachedResponse> {
    const hit = this.peek(key);
    if (hit) return hit;
    return this.produceAndStore(key, produce);
  }

  private produceAndStore(key: string, produce: () => Promise<Produced>): Promise<CachedResponse> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const generation = this.generation;
    // Age counts from when the data was read, not from when the response was ready.
    const startedAt = this.now();
    const promise = produce()
      .then(({ response, tags }) => {
        const entry: CachedResponse = { response, tags, storedAt: startedAt };
        const previous = this.entries.get(key);
        if (previous && previous.response.headers.ETag === response.headers.ETag && previous.response.status === response.status) {
          entry.wire = previous.wire;
          entry.gzipped = previous.gzipped;
        }
        // Only successful and not-found answers are worth keeping; never one produced while a write landed.
        if (generation === this.generation && (response.status === 200 || response.status === 404 || response.status === 400)) {
          this.store(key, entry);
        }
        return entry;
      })
      .finally(() => {
        if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
      });
    this.inFlight.set(key, promise);
    return promise;
  }

  private store(key: string, entry: CachedResponse) {
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, entry);
  }

  /** Drops the entries that depend on what changed; returns how many. */
  invalidate(change: DataChange): number {
    this.generation++;
    this.inFlight.clear();
    if (change.everything) {
      const count = this.entries.size;
      this.entries.clear();
      return count;
    }
    const tags = invalidatedTags(change);
    let dropped = 0;
    for (const [key, entry] of this.entries) {
      if (entry.tags.some((tag) => tags.has(tag))) {
        this.entries.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  clear() {
    this.generation++;
    this.inFlight.clear();
    this.entries.clear();
  }
}

/** The body gzipped once per entry, when worth it. */
export function gzippedBody(entry: CachedResponse): Buffer | undefined {
  if (entry.response.body.length < 1024) return undefined;
  entry.gzipped ??= zlib.gzipSync(entry.response.body, { level: 6 });
  return entry.gzipped;
}

const holder = globalThis as unknown as { chanceryResponseCache?: ResponseCache };

/** The process-wide cache (shared by the custom server and Next route code), subscribed to writes. */
export function getResponseCache(): ResponseCache {
  if (!holder.chanceryResponseCache) {
    const cache = new ResponseCache();
    onDataChange((change) => cache.invalidate(change));
    holder.chanceryResponseCache = cache;
    const url = process.env.DATABASE_URL;
    if (url && /^postgres(ql)?:\/\//.test(url)) {
      void import("@/lib/events/pg-channel").then(({ startCrossInstanceInvalidation }) => startCrossInstanceInvalidation(url));
    }
  }
  return holder.chanceryResponseCache;
}

/** Normalised cache key: origin, path without trailing slash, parameters sorted. */
export function cacheKey(origin: string, url: URL): string {
  const params = [...url.searchParams].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  return `${origin}${url.pathname.replace(/(.)\/+$/, "$1")}${query ? `?${query}` : ""}`;
}
