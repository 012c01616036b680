// The SQLite driver adapter: Prisma's better-sqlite3 adapter, with the rules that keep one
// synchronous database from freezing the server or failing its writers (decision 015):
// - Two connections. Reads outside a transaction use the reader and see only committed data
//   (WAL); every write and transaction uses the writer, one at a time (an in-process queue).
// - Transactions begin IMMEDIATE: the write lock is taken at BEGIN, so a transaction never
//   fails half-way with "database is locked" because another process wrote meanwhile.
// - The busy timeout of the writer is 0 and waiting for the lock is asynchronous (retries with
//   a timer), so a lock held by another process (the import CLI, a worker) never blocks this
//   event loop; past `busyWaitMs` the write fails with SQLITE_BUSY, answered 503 + Retry-After.
// - A long transaction yields to the event loop every few milliseconds, so requests are served
//   between its statements instead of after its commit.
import { EventEmitter } from "node:events";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";

type InnerAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type InnerTransaction = Awaited<ReturnType<InnerAdapter["startTransaction"]>>;
type Query = Parameters<InnerAdapter["queryRaw"]>[0];
/** What the inner adapter has beyond its declared interface. */
type InnerInternals = { client: BetterSqlite3.Database; onError(error: unknown): never };

export interface SqliteAdapterOptions {
  /** How long a write waits for the lock (held by another transaction or process) before failing as busy. */
  busyWaitMs?: number;
}

export const DEFAULT_BUSY_WAIT_MS = 1500;
/** Longest run of a transaction's statements without letting other work in. */
const YIELD_EVERY_MS = 8;
const RETRY_DELAYS_MS = [1, 2, 5, 10, 20, 25];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Emits "waiting" when a write meets another process's lock and starts retrying (for tests and diagnostics). */
export const lockWaits = new EventEmitter();
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** SQLite's own error, or the inner adapter's wrapping of it. */
export function isSqliteBusy(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: { originalCode?: unknown } };
  return /^SQLITE_(BUSY|LOCKED)/.test(String(code ?? cause?.originalCode));
}

/** One holder at a time, first come first served; waiting is asynchronous. */
class WriteQueue {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves with a release function once every earlier holder has released. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const turn = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => released);
    return turn;
  }
}

class SerialWriteAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #queue = new WriteQueue();
  #lastYield = performance.now();

  constructor(
    private readonly reader: InnerAdapter,
    private readonly writer: InnerAdapter,
    private readonly busyWaitMs: number,
  ) {
    this.adapterName = writer.adapterName;
  }

  get #writer(): InnerInternals {
    return this.writer as unknown as InnerInternals;
  }

  /** Runs a synchronous step that may meet another process's lock, retrying on a timer until the deadline. */
  async #whenUnlocked<T>(step: () => T | Promise<T>, deadline: number): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await step();
      } catch (error) {
        if (!isSqliteBusy(error) || performance.now() >= deadline) throw error;
      }
      if (attempt === 0) lockWaits.emit("waiting");
      await sleep(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!);
    }
  }

  async #acquire(deadline: number): Promise<() => void> {
    const turn = this.#queue.acquire();
    const timedOut = Symbol("timed out");
    let timer: NodeJS.Timeout | undefined;
    const winner = await Promise.race([turn, new Promise<typeof timedOut>((resolve) => (timer = setTimeout(() => resolve(timedOut), Math.max(0, deadline - performance.now()))))]);
    clearTimeout(timer);
    if (winner !== timedOut) return winner;
    // Our turn comes later: give it back at once.
    void turn.then((release) => release());
    return this.#writer.onError(Object.assign(new Error("database is locked (waited for the write queue)"), { code: "SQLITE_BUSY" }));
  }

  async #yieldIfLong() {
    if (performance.now() - this.#lastYield < YIELD_EVERY_MS) return;
    await nextTurn();
    this.#lastYield = performance.now();
  }

  #isRead(query: Query): boolean {
    try {
      return (this.reader as unknown as InnerInternals).client.prepare(query.sql).readonly;
    } catch {
      return false; // let the writer report the error
    }
  }

  /** A single statement outside a transaction: reads on the reader, writes queued on the writer. */
  async #outside<T>(query: Query, run: (adapter: InnerAdapter) => Promise<T>): Promise<T> {
    if (this.#isRead(query)) return run(this.reader);
    const deadline = performance.now() + this.busyWaitMs;
    const release = await this.#acquire(deadline);
    try {
      return await this.#whenUnlocked(() => run(this.writer), deadline);
    } finally {
      release();
    }
  }

  queryRaw(query: Query) {
    return this.#outside(query, (adapter) => adapter.queryRaw(query));
  }

  executeRaw(query: Query) {
    return this.#outside(query, (adapter) => adapter.executeRaw(query));
  }

  executeScript(script: string) {
    return this.writer.executeScript(script);
  }

  async startTransaction(): Promise<InnerTransaction> {
    const deadline = performance.now() + this.busyWaitMs;
    const release = await this.#acquire(deadline);
    const client = this.#writer.client;
    try {
      await this.#whenUnlocked(() => client.prepare("BEGIN IMMEDIATE").run(), deadline);
    } catch (error) {
      release();
      return this.#writer.onError(error);
    }
    this.#lastYield = performance.now();
    const writer = this.writer;
    const transaction = {
      provider: "sqlite" as const,
      adapterName: this.adapterName,
      options: { usePhantomQuery: false },
      queryRaw: async (query: Query) => {
        await this.#yieldIfLong();
        return writer.queryRaw(query);
      },
      executeRaw: async (query: Query) => {
        await this.#yieldIfLong();
        return writer.executeRaw(query);
      },
      // Prisma sends COMMIT / ROLLBACK itself (usePhantomQuery: false); these only free the queue.
      commit: () => Promise.resolve(release()),
      rollback: () => Promise.resolve(release()),
    };
    return transaction as unknown as InnerTransaction;
  }

  getConnectionInfo() {
    return this.writer.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  async dispose() {
    await Promise.all([this.reader.dispose(), this.writer.dispose()]);
  }
}

/** A Prisma adapter factory for the SQLite file at `file` (absolute path). */
export function serialWriteSqliteAdapter(file: string, options: SqliteAdapterOptions = {}) {
  const busyWaitMs = options.busyWaitMs ?? DEFAULT_BUSY_WAIT_MS;
  const writerFactory = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 0 });
  const readerFactory = new PrismaBetterSQLite3({ url: `file:${file}` });
  return {
    provider: "sqlite" as const,
    adapterName: writerFactory.adapterName,
    async connect() {
      const writer = await writerFactory.connect();
      const client = (writer as unknown as InnerInternals).client;
      // WAL lets the reader read while the writer writes; set before the reader opens.
      try {
        if (client.pragma("journal_mode", { simple: true }) !== "wal") client.pragma("journal_mode = WAL");
      } catch (error) {
        if (!isSqliteBusy(error)) throw error; // another process has it open: it stays as it is
      }
      const reader = await readerFactory.connect();
      return new SerialWriteAdapter(reader, writer, busyWaitMs) as unknown as InnerAdapter;
    },
    connectToShadowDb: () => writerFactory.connectToShadowDb(),
  };
}
