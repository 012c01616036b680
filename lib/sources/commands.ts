// Validated writes on sources (admins) and proposals (editors in scope). Accepting a proposal is
// the ordinary status change (or re-verification) citing the notice, so it keeps every rule of
// those commands: host scope, versions, history, audit, cache announcements.
import "server-only";
import { appendAudit } from "@/lib/audit/audit";
import type { SessionUser } from "@/lib/auth/sessions";
import type { Db } from "@/lib/db/create";
import { ConflictError, NotFoundError, parseOrThrow } from "@/lib/errors";
import { systemClock, type Clock } from "@/lib/jobs/clock";
import { wakeJobWorker } from "@/lib/jobs/wake";
import { actorOf, changeMissionStatus, verifyMissionStatus } from "@/lib/missions/commands";
import { StatusUpdateSchema } from "@/lib/missions/schema";
import { armSourceJob, sourceJobKey } from "./fetch-job";
import { defaultFetchPolicy, fetchSource } from "./fetch-source";
import { fitText, proposalsFor, type ProposalDraft } from "./proposals";
import type { FetchPolicy } from "./safe-fetch";
import type { ProposalAcceptInput, ProposalDismissInput, SourceCreateInput, SourceTrialInput, SourceUpdateInput } from "./schema";
import { missionsOfSource } from "./scope";

interface Options {
  clock?: Clock;
}

const sourceNotFound = (id: number) => new NotFoundError(`Source ${id} does not exist`, { fields: [{ field: "id", message: `no source ${id}` }] });
const proposalNotFound = (id: number) => new NotFoundError(`Proposal ${id} does not exist`, { fields: [{ field: "id", message: `no proposal ${id}` }] });

export async function createSource(db: Db, user: SessionUser, input: SourceCreateInput, { clock = systemClock }: Options = {}) {
  const now = clock.now();
  const source = await db.$transaction(async (tx) => {
    const created = await tx.source.create({
      data: { ...input, missionIds: JSON.stringify(input.missionIds), nextFetchAt: input.enabled ? now : null },
    });
    if (created.enabled) await armSourceJob(tx, created.id, now);
    await appendAudit(tx, actorOf(user), { action: "source.create", entityType: "source", entityId: created.id, after: created });
    return created;
  });
  if (source.enabled) wakeJobWorker(now);
  return source;
}

/** Pause or resume, change the interval, or fetch now (the next fetch moves to this moment). */
export async function updateSource(db: Db, user: SessionUser, id: number, input: SourceUpdateInput, { clock = systemClock }: Options = {}) {
  const now = clock.now();
  const source = await db.$transaction(async (tx) => {
    const before = await tx.source.findUnique({ where: { id } });
    if (!before) throw sourceNotFound(id);
    const enabled = input.enabled ?? before.enabled;
    const resumes = enabled && (!before.enabled || input.fetchNow);
    const updated = await tx.source.update({
      where: { id },
      data: {
        enabled,
        ...(input.intervalMinutes ? { intervalMinutes: input.intervalMinutes } : {}),
        ...(resumes ? { nextFetchAt: now, failures: input.fetchNow ? before.failures : 0 } : {}),
        ...(!enabled ? { nextFetchAt: null } : {}),
      },
    });
    if (resumes) await armSourceJob(tx, id, now);
    await appendAudit(tx, actorOf(user), { action: input.fetchNow ? "source.fetch-now" : "source.update", entityType: "source", entityId: id, before, after: updated });
    return updated;
  });
  if (source.enabled) wakeJobWorker(now);
  return source;
}

export async function deleteSource(db: Db, user: SessionUser, id: number) {
  await db.$transaction(async (tx) => {
    const before = await tx.source.findUnique({ where: { id } });
    if (!before) throw sourceNotFound(id);
    // Its proposals go with it (cascade); accepted ones live on as status history.
    await tx.source.delete({ where: { id } });
    await tx.job.updateMany({ where: { key: sourceJobKey(id), state: "pending" }, data: { state: "cancelled", finishedAt: new Date() } });
    await appendAudit(tx, actorOf(user), { action: "source.delete", entityType: "source", entityId: id, before });
  });
}

export interface TrialResult {
  outcome: "fetched" | "not-modified" | "failed";
  error: string | null;
  notices: Array<{ title: string; link: string; publishedAt: string | null; class: string; trigger: string | null; confidence: number; untilPhrase: string | null }>;
  proposals: Array<Omit<ProposalDraft, "until" | "publishedAt" | "dedupeKey"> & { until: string | null; publishedAt: string | null; missionName: string }>;
}

/** "Fetch now and show what you would propose": nothing is stored, not even the ETag. */
export async function trialSource(db: Db, input: SourceTrialInput, { clock = systemClock, policy = defaultFetchPolicy() }: Options & { policy?: FetchPolicy } = {}): Promise<TrialResult> {
  const now = clock.now();
  const outcome = await fetchSource({ url: input.url, kind: input.kind, etag: null, lastModified: null, lastText: null, hostCode: input.hostCode }, policy, now);
  if (outcome.kind !== "fetched") return { outcome: outcome.kind, error: outcome.kind === "failed" ? outcome.message : null, notices: [], proposals: [] };
  const missions = await missionsOfSource(db, { missionIds: JSON.stringify(input.missionIds), sendingCode: input.sendingCode, hostCode: input.hostCode });
  const names = new Map(
    (await db.mission.findMany({ where: { id: { in: missions.map((mission) => mission.id) } }, select: { id: true, city: true, sending: { select: { name: true } } } })).map((mission) => [
      mission.id,
      `${mission.sending.name}, ${mission.city}`,
    ]),
  );
  // A web page read once has nothing to diff against: show what its whole text would propose.
  const notices = outcome.read.pageText !== undefined && outcome.read.notices.length === 0 ? [{ key: "page", title: outcome.read.pageText.split("\n")[0] ?? "", text: outcome.read.pageText, link: input.url, publishedAt: now }] : outcome.read.notices;
  const result: TrialResult = { outcome: "fetched", error: null, notices: [], proposals: [] };
  for (const notice of notices.slice(0, 50)) {
    const { classification, drafts } = proposalsFor({ id: 0, name: "test", language: input.language }, notice, missions, now);
    result.notices.push({
      title: fitText(notice.title, 200, { oneLine: true }),
      link: notice.link,
      publishedAt: notice.publishedAt?.toISOString() ?? null,
      class: classification.class,
      trigger: classification.trigger,
      confidence: classification.confidence,
      untilPhrase: classification.end?.phrase ?? null,
    });
    for (const draft of drafts) {
      result.proposals.push({ ...withoutKey(draft), until: draft.until?.toISOString() ?? null, publishedAt: draft.publishedAt?.toISOString() ?? null, missionName: names.get(draft.missionId) ?? String(draft.missionId) });
    }
  }
  return result;
}

const withoutKey = (draft: ProposalDraft): Omit<ProposalDraft, "dedupeKey"> => {
  const copy: Partial<ProposalDraft> = { ...draft };
  delete copy.dedupeKey;
  return copy as Omit<ProposalDraft, "dedupeKey">;
};

const CLASS_WORDS = { closed: "Closure", limited: "Limited services", reopened: "Reopening" } as const;

async function loadPending(db: Db, id: number) {
  const proposal = await db.proposal.findUnique({ where: { id }, include: { source: { select: { name: true } } } });
  if (!proposal) throw proposalNotFound(id);
  if (proposal.state !== "pending") throw new ConflictError(`Proposal ${id} was already ${proposal.state}`, { fields: [{ field: "id", message: `already ${proposal.state}` }] });
  return proposal;
}

/**
 * Accept as proposed or edited: the status change cites the notice (its link and title) and
 * counts as a verification. The proposal is claimed first, so two editors cannot both apply it;
 * if the status change is refused, the claim is undone.
 */
export async function acceptProposal(db: Db, user: SessionUser, id: number, input: ProposalAcceptInput, { clock = systemClock }: Options = {}) {
  const proposal = await loadPending(db, id);
  const now = clock.now();
  const claimed = await db.proposal.updateMany({ where: { id, state: "pending" }, data: { state: "accepted", decidedAt: now, decidedById: user.id } });
  if (claimed.count !== 1) throw new ConflictError(`Proposal ${id} was decided by someone else`, { fields: [{ field: "id", message: "already decided" }] });
  const sourceTitle = fitText(`${proposal.source.name}: ${proposal.title}`, 200, { oneLine: true });
  const status = input.status ?? proposal.suggestedStatus;
  try {
    const mission = await db.mission.findUnique({ where: { id: proposal.missionId }, select: { status: true } });
    if (mission?.status === status && input.until === undefined && !input.reason) {
      return await verifyMissionStatus(db, user, proposal.missionId, { sourceUrl: proposal.link, sourceTitle, expectedVersion: input.expectedVersion }, { clock });
    }
    const update = parseOrThrow(StatusUpdateSchema, {
      status,
      reason: input.reason ?? fitText(`${CLASS_WORDS[proposal.classification as keyof typeof CLASS_WORDS] ?? "Notice"}: ${proposal.excerpt}`, 500),
      sourceUrl: proposal.link,
      sourceTitle,
      until: input.until === undefined ? (proposal.until?.toISOString() ?? null) : (input.until?.toISOString() ?? null),
      expectedVersion: input.expectedVersion,
    });
    return await changeMissionStatus(db, user, proposal.missionId, update, { clock });
  } catch (error) {
    await db.proposal.updateMany({ where: { id, state: "accepted", decidedById: user.id }, data: { state: "pending", decidedAt: null, decidedById: null } });
    throw error;
  }
}

export async function dismissProposal(db: Db, user: SessionUser, id: number, input: ProposalDismissInput, { clock = systemClock }: Options = {}) {
  await loadPending(db, id);
  await db.$transaction(async (tx) => {
    const dismissed = await tx.proposal.updateMany({ where: { id, state: "pending" }, data: { state: "dismissed", dismissReason: input.reason, decidedAt: clock.now(), decidedById: user.id } });
    if (dismissed.count !== 1) throw new ConflictError(`Proposal ${id} was decided by someone else`, { fields: [{ field: "id", message: "already decided" }] });
    await appendAudit(tx, actorOf(user), { action: "proposal.dismiss", entityType: "proposal", entityId: id, after: { reason: input.reason } });
  });
}
