// In-memory cache of produced responses, keyed by normalised URL and tagged by the data they
// show. A write drops exactly the entries tagged with what it changed (plus all-data ones);
// entries are also fresh only MAX_AGE_MS after they were stored, as a safety net for a missed
// notification, then served STALE_MS more while one refresh runs (decision 050). The cache is
// bounded by bytes (decision 013): a loop of made-up URLs evicts the least recently used
// entries instead of growing the heap. Pure (no environment, no database): the front process
// (server.ts) holds it; lib/http/process-cache.ts gives Next's route code its own.
import zlib from "node:zlib";
import { promisify } from "node:util";
import { LRUCache } from "lru-cache";
import type { DataChange } from "@/lib/events/data-changed";
import { invalidatedTags, type CacheTag } from "./cache-tags";
import type { HttpResponse } from "./response";

export const MAX_AGE_MS = 1000;
/** How long past MAX_AGE_MS an entry is still served while its one refresh runs. */
export const STALE_MS = 1000;
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Bodies smaller than this are sent as they are: compressing them saves less than its headers. */
const COMPRESS_FROM_BYTES = 1024;
/** What an entry costs beyond its bodies: headers, tags, key, bookkeeping (a generous estimate). */
const ENTRY_OVERHEAD_BYTES = 1024;

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Bytes and headers ready to write, computed once when the entry is made. */
export interface Wire {
  body: Buffer;
  headers: Record<string, string>;
  gzip?: { body: Buffer; headers: Record<string, string> };
  br?: { body: Buffer; headers: Record<string, string> };
  notModifiedHeaders: Record<string, string>;
}

export interface CachedResponse {
  response: HttpResponse;
  tags: readonly CacheTag[];
  storedAt: number;
  wire: Wire;
}

export interface Produced {
  response: HttpResponse;
  tags: CacheTag[];
  /** False for answers that must not be compressed in advance (pages splice a nonce in). */
  precompress?: boolean;
}

/** A miss has a reader waiting; a refresh only renews an entry still being served. */
export type ProductionKind = "miss" | "refresh";
export type Produce = (kind: ProductionKind) => Promise<Produced>;

export interface ResponseCacheOptions {
  maxAgeMs?: number;
  staleMs?: number;
  maxBytes?: number;
  now?: () => number;
}

const NOT_MODIFIED_HEADERS = ["ETag", "Cache-Control", "Vary", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers"];

/** The wire form of a response; gzip and brotli off the event loop (zlib's thread pool). */
export async function wireOf(response: HttpResponse, precompress = true): Promise<Wire> {
  const body = Buffer.from(response.body);
  const notModifiedHeaders: Record<string, string> = {};
  for (const name of NOT_MODIFIED_HEADERS) if (response.headers[name]) notModifiedHeaders[name] = response.headers[name];
  const wire: Wire = { body, headers: { ...response.headers, "Content-Length": String(body.length) }, notModifiedHeaders };
  if (precompress && response.status === 200 && body.length >= COMPRESS_FROM_BYTES) {
    const [gzipped, brotlied] = await Promise.all([
      gzip(body, { level: 6 }),
      brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    ]);
    const encoded = (encoding: string, bytes: Buffer) => ({ body: bytes, headers: { ...response.headers, "Content-Encoding": encoding, "Content-Length": String(bytes.length) } });
    wire.gzip = encoded("gzip", gzipped);
    wire.br = encoded("br", brotlied);
  }
  return wire;
}

/** What an entry holds in memory, as the byte budget counts it. */
export function entryBytes(key: string, entry: CachedResponse): number {
  const { wire } = entry;
  return ENTRY_OVERHEAD_BYTES + key.length * 2 + entry.response.body.length * 2 + wire.body.length + (wire.gzip?.body.length ?? 0) + (wire.br?.body.length ?? 0);
}

export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse>;
  private readonly inFlight = new Map<string, Promise<CachedResponse>>();
  /** Bumped by every invalidation: a response produced across one is not stored. */
  private generation = 0;
  private readonly maxAgeMs: number;
  private readonly staleMs: number;
  private readonly now: () => number;
  readonly maxBytes: number;

  constructor({ maxAgeMs = MAX_AGE_MS, staleMs = STALE_MS, maxBytes = DEFAULT_MAX_BYTES, now = Date.now }: ResponseCacheOptions = {}) {
    this.maxAgeMs = maxAgeMs;
    this.staleMs = staleMs;
    this.maxBytes = maxBytes;
    this.now = now;
    this.entries = new LRUCache<string, CachedResponse>({ maxSize: maxBytes, sizeCalculation: (entry, key) => entryBytes(key, entry) });
  }

  get size(): number {
    return this.entries.size;
  }

  /** The bytes the kept entries hold (never above maxBytes). */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  /** A fresh entry, synchronously, or undefined. */
  peek(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    return this.now() - entry.storedAt > this.maxAgeMs ? undefined : entry;
  }

  /**
   * The fresh entry synchronously when there is one; a stale one (up to staleMs past its age)
   * also, while exactly one refresh renews it; else a promise of the one `produce` makes.
   */
  lookup(key: string, produce: Produce): CachedResponse | Promise<CachedResponse> {
    const entry = this.entries.get(key);
    const age = entry ? this.now() - entry.storedAt : Infinity;
    if (entry && age <= this.maxAgeMs) return entry;
    if (entry && age <= this.maxAgeMs + this.staleMs) {
      if (!this.inFlight.has(key)) this.produceAndStore(key, produce, "refresh").catch(() => undefined);
      return entry;
    }
    if (entry) this.entries.delete(key);
    return this.produceAndStore(key, produce, "miss");
  }

  /** The fresh entry, or the one `produce` makes (concurrent misses share one production). */
  async get(key: string, produce: Produce): Promise<CachedResponse> {
    return this.peek(key) ?? this.produceAndStore(key, produce, "miss");
  }

  private produceAndStore(key: string, produce: Produce, kind: ProductionKind): Promise<CachedResponse> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const promise = produce(kind)
      .then(async ({ response, tags, precompress }) => {
        const previous = this.entries.get(key);
        const unchanged = previous && previous.response.status === response.status && previous.response.headers.ETag === response.headers.ETag;
        const wire = unchanged ? previous.wire : await wireOf(response, precompress);
        // Age counts from when the entry is stored: a slow render still serves its readers for the whole age.
        const entry: CachedResponse = { response, tags, wire, storedAt: this.now() };
        // Only successful, not-found and refused answers are worth keeping; never one produced while a write landed.
        if (generation === this.generation && (response.status === 200 || response.status === 404 || response.status === 400)) {
          this.entries.set(key, entry);
        }
        return entry;
      })
      .finally(() => {
        if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
      });
    this.inFlight.set(key, promise);
    return promise;
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
    const dropped: string[] = [];
    for (const [key, entry] of this.entries.entries()) {
      if (entry.tags.some((tag) => tags.has(tag))) dropped.push(key);
    }
    for (const key of dropped) this.entries.delete(key);
    return dropped.length;
  }

  clear() {
    this.generation++;
    this.inFlight.clear();
    this.entries.clear();
  }
}

/**
 * Normalised cache key: origin, path without trailing slash, parameters sorted. With `known`,
 * parameters outside it are dropped, so `/?v=1`, `/?v=2`… share one entry.
 */
export function cacheKey(origin: string, url: URL, known?: ReadonlySet<string>): string {
  const params = [...url.searchParams]
    .filter(([name]) => !known || known.has(name))
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  return `${origin}${url.pathname.replace(/(.)\/+$/, "$1")}${query ? `?${query}` : ""}`;
}
