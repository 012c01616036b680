// The scheduled fetch of each enabled source, one job per source (`source-fetch:<id>`) on the
// durable scheduler (decision 010): the lease keeps two instances from fetching one source at
// once, the fetch runs in the job's prepare step outside any transaction, and its results, the
// source's new state and the job's next run commit together. A source whose nextFetchAt is still
// ahead is not fetched, so a duplicate wake-up never fetches twice in an interval.
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/create";
import { env } from "@/lib/env";
import { DatabaseIdSchema } from "@/lib/input/id";
import { defineJobHandler, type JobHandler } from "@/lib/jobs/queue";
import { fetchSource, defaultFetchPolicy, type FetchOutcome } from "./fetch-source";
import { proposalsFor, type ProposalDraft } from "./proposals";
import type { FetchPolicy } from "./safe-fetch";
import { LanguageSchema, SourceKindSchema } from "./schema";
import { missionsOfSource } from "./scope";

export const SOURCE_FETCH_QUEUE = "source-fetch";
export const sourceJobKey = (sourceId: number) => `${SOURCE_FETCH_QUEUE}:${sourceId}`;

/** Two fetches to one host at least this far apart (politeness), across sources. */
export const HOST_GAP_MS = 10_000;
const MAX_BACKOFF_MS = 24 * 3600 * 1000;

type Prepared =
  | { kind: "gone" }
  | { kind: "wait"; until: Date }
  | { kind: "fetched"; updatedAt: Date; outcome: FetchOutcome };

export interface SourceFetchOptions {
  /** Default: SOURCE_WATCHING=on. */
  watching?: () => boolean;
  policy?: () => FetchPolicy;
  /** Default HOST_GAP_MS. */
  hostGapMs?: number;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return "";
  }
};

/** The next fetch after `failures` failures in a row: the interval, doubled per failure, at most a day. */
export function nextFetchAfter(now: Date, intervalMinutes: number, failures: number): Date {
  const interval = intervalMinutes * 60_000;
  const delay = Math.min(interval * 2 ** Math.min(Math.max(failures - 1, 0), 20), Math.max(interval, MAX_BACKOFF_MS));
  return new Date(now.getTime() + delay);
}

async function politeUntil(db: Db, sourceId: number, url: string, now: Date, gapMs: number): Promise<Date | null> {
  if (gapMs <= 0) return null;
  const host = hostOf(url);
  const recent = await db.source.findMany({ where: { id: { not: sourceId }, lastFetchAt: { gt: new Date(now.getTime() - gapMs) } }, select: { url: true, lastFetchAt: true } });
  const latest = recent.filter((other) => hostOf(other.url) === host).reduce<Date | null>((max, other) => (!max || other.lastFetchAt! > max ? other.lastFetchAt : max), null);
  // Never longer than one gap from now, even after a fetch stamped by a clock running ahead.
  return latest ? new Date(Math.min(latest.getTime(), now.getTime()) + gapMs) : null;
}

/**
 * Stores new proposals. Skipped: a notice already proposed for a mission (same dedupe key), and
 * a republished one that says the same words as a proposal still pending (travel advice and
 * warnings get a new timestamp for every edit elsewhere in the text).
 */
export async function storeProposals(tx: Tx, sourceId: number, drafts: ProposalDraft[]): Promise<number> {
  let created = 0;
  for (const draft of drafts) {
    const existing =
      (await tx.proposal.findUnique({ where: { dedupeKey: draft.dedupeKey }, select: { id: true } })) ??
      (await tx.proposal.findFirst({ where: { sourceId, missionId: draft.missionId, state: "pending", suggestedStatus: draft.suggestedStatus, excerpt: draft.excerpt }, select: { id: true } }));
    if (existing) continue;
    await tx.proposal.create({ data: { ...draft, sourceId } });
    created++;
  }
  return created;
}

export function createSourceFetchJob(options: SourceFetchOptions = {}): JobHandler {
  const watching = options.watching ?? (() => env().SOURCE_WATCHING === "on");
  const policy = options.policy ?? defaultFetchPolicy;
  return defineJobHandler<{ sourceId: number }>({
    queue: SOURCE_FETCH_QUEUE,
    payload: z.object({ sourceId: DatabaseIdSchema }),
    // Failures are the source's state (lastError, backoff), not the job's: it never fails for good.
    maxAttempts: 1_000_000,
    async prepare({ sourceId }, { db, clock }): Promise<Prepared> {
      const now = clock.now();
      const source = await db.source.findUnique({ where: { id: sourceId } });
      if (!source || !source.enabled) return { kind: "gone" };
      if (!watching()) return { kind: "wait", until: new Date(now.getTime() + source.intervalMinutes * 60_000) };
      if (source.nextFetchAt && source.nextFetchAt > now) return { kind: "wait", until: source.nextFetchAt };
      const polite = await politeUntil(db, source.id, source.url, now, options.hostGapMs ?? HOST_GAP_MS);
      if (polite && polite > now) return { kind: "wait", until: polite };
      const outcome = await fetchSource({ ...source, kind: SourceKindSchema.parse(source.kind) }, policy(), now);
      return { kind: "fetched", updatedAt: source.updatedAt, outcome };
    },
    async run({ sourceId }, { tx, clock, prepared }) {
      const step = prepared as Prepared;
      if (step.kind === "gone") return;
      if (step.kind === "wait") return { runAgainAt: step.until };
      const now = clock.now();
      const source = await tx.source.findUnique({ where: { id: sourceId } });
      if (!source || !source.enabled) return;
      // Changed while fetching (paused, edited, fetched by a taken-over lease): this result is stale.
      if (source.updatedAt.getTime() !== step.updatedAt.getTime()) return { runAgainAt: source.nextFetchAt && source.nextFetchAt > now ? source.nextFetchAt : now };
      const { outcome } = step;
      if (outcome.kind === "failed") {
        const failures = source.failures + 1;
        const nextFetchAt = nextFetchAfter(now, source.intervalMinutes, failures);
        await tx.source.update({ where: { id: sourceId }, data: { lastFetchAt: now, lastError: outcome.message.slice(0, 1000), failures, nextFetchAt } });
        return { runAgainAt: nextFetchAt };
      }
      const nextFetchAt = nextFetchAfter(now, source.intervalMinutes, 0);
      const base = { lastFetchAt: now, lastSuccessAt: now, lastError: null, failures: 0, nextFetchAt };
      if (outcome.kind === "not-modified") {
        await tx.source.update({ where: { id: sourceId }, data: base });
        return { runAgainAt: nextFetchAt };
      }
      const missions = await missionsOfSource(tx, source);
      const language = LanguageSchema.parse(source.language);
      const drafts = outcome.read.notices.flatMap((notice) => proposalsFor({ id: source.id, name: source.name, language }, notice, missions, now).drafts);
      await storeProposals(tx, source.id, drafts);
      await tx.source.update({
        where: { id: sourceId },
        data: { ...base, etag: outcome.etag, lastModified: outcome.lastModified, ...(outcome.read.pageText === undefined ? {} : { lastText: outcome.read.pageText }) },
      });
      return { runAgainAt: nextFetchAt };
    },
  });
}

export const sourceFetchJob = createSourceFetchJob();

/** Arms (or re-arms) the source's job for `runAt`: after creation, enabling, "fetch now". */
export async function armSourceJob(tx: Tx, sourceId: number, runAt: Date): Promise<void> {
  const key = sourceJobKey(sourceId);
  await tx.job.upsert({ where: { key }, create: { queue: SOURCE_FETCH_QUEUE, key, runAt, payload: JSON.stringify({ sourceId }) }, update: {} });
  await tx.job.updateMany({ where: { key, state: { not: "running" } }, data: { state: "pending", runAt, attempts: 0, lastError: null, finishedAt: null, leaseOwner: null, leaseUntil: null } });
}
