// Cross-instance invalidation on PostgreSQL: writers pg_notify, every app instance LISTENs and
// replays the change to its own listeners. A lost connection means notifications may have been
// missed, so a reconnect announces "everything changed".
import pg from "pg";
import { z } from "zod";
import { INSTANCE_ID, dispatchDataChangeLocally, type DataChange } from "./listeners";

export const CHANNEL = "chancery_data_changed";
// pg_notify payloads must stay under 8000 bytes.
const MAX_PAYLOAD = 7000;

const PayloadSchema = z.object({
  instance: z.string(),
  missionIds: z.array(z.int()).default([]),
  hostCodes: z.array(z.string()).default([]),
  sendingCodes: z.array(z.string()).default([]),
  everything: z.boolean().optional(),
});

const pools = globalThis as unknown as { chanceryNotifyPools?: Map<string, pg.Pool> };

function notifyPool(url: string): pg.Pool {
  const map = (pools.chanceryNotifyPools ??= new Map());
  let pool = map.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true });
    pool.on("error", () => undefined);
    map.set(url, pool);
  }
  return pool;
}

export function encodePayload(change: DataChange, instance = INSTANCE_ID): string {
  const full = JSON.stringify({ instance, ...change });
  return full.length <= MAX_PAYLOAD ? full : JSON.stringify({ instance, everything: true });
}

export async function notifyDataChange(url: string, change: DataChange): Promise<void> {
  await notifyPool(url).query("SELECT pg_notify($1, $2)", [CHANNEL, encodePayload(change)]);
}

export interface Listening {
  ready: Promise<void>;
  stop: () => Promise<void>;
}

/**
 * LISTENs on the channel and passes each change (from any instance, this one included unless
 * `ignoreOwn`) to `onChange`. Reconnects after errors.
 */
export function listenForDataChanges(
  url: string,
  onChange: (change: DataChange) => void,
  { ignoreOwn = false, retryMs = 1000 } = {},
): Listening {
  let stopped = false;
  let client: pg.Client | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let connectedBefore = false;

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: url });
    client = next;
    const retry = () => {
      if (stopped || client !== next) return;
      client = undefined;
      next.end().catch(() => undefined);
      setTimeout(() => void connect(), retryMs).unref();
    };
    next.on("error", retry);
    next.on("end", retry);
    next.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      let parsed: z.infer<typeof PayloadSchema>;
      try {
        parsed = PayloadSchema.parse(JSON.parse(message.payload));
      } catch {
        return;
      }
      if (ignoreOwn && parsed.instance === INSTANCE_ID) return;
      onChange({ missionIds: parsed.missionIds, hostCodes: parsed.hostCodes, sendingCodes: parsed.sendingCodes, everything: parsed.everything });
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      if (connectedBefore) onChange({ missionIds: [], hostCodes: [], sendingCodes: [], everything: true });
      connectedBefore = true;
      markReady();
    } catch {
      retry();
    }
  };
  void connect();
  return {
    ready,
    stop: async () => {
      stopped = true;
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}

const started = globalThis as unknown as { chanceryPgListener?: Listening };

/** Starts (once per process) relaying other instances' changes to this process's listeners. */
export function startCrossInstanceInvalidation(url: string): Listening {
  started.chanceryPgListener ??= listenForDataChanges(url, dispatchDataChangeLocally, { ignoreOwn: true });
  return started.chanceryPgListener;
}
