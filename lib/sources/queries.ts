// Reads for the admin pages: the sources with their fetch state, and the pending proposals in
// an editor's host scope, ranked like the verification queue (closures and limits first,
// countries in crisis first), then the most confident and newest.
import "server-only";
import type { Db } from "@/lib/db/create";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { missionIdsOf } from "./scope";
import type { PendingProposal, SourceView } from "./types";

const iso = (date: Date | null) => date?.toISOString() ?? null;

export async function listSources(db: Db): Promise<SourceView[]> {
  const sources = await db.source.findMany({ orderBy: [{ hostCode: "asc" }, { name: "asc" }, { id: "asc" }], include: { _count: { select: { proposals: { where: { state: "pending" } } } } } });
  return sources.map((source) => ({
    id: source.id,
    name: source.name,
    url: source.url,
    kind: source.kind,
    language: source.language,
    missionIds: missionIdsOf(source.missionIds),
    sendingCode: source.sendingCode,
    hostCode: source.hostCode,
    intervalMinutes: source.intervalMinutes,
    enabled: source.enabled,
    lastFetchAt: iso(source.lastFetchAt),
    lastSuccessAt: iso(source.lastSuccessAt),
    lastError: source.lastError,
    failures: source.failures,
    nextFetchAt: iso(source.nextFetchAt),
    pendingProposals: source._count.proposals,
  }));
}

const statusGroup = (status: string) => (status === "closed" || status === "limited" ? 0 : 1);

export async function listPendingProposals(db: Db, hostScope: readonly string[] | null, now: Date): Promise<PendingProposal[]> {
  const proposals = await db.proposal.findMany({ where: { state: "pending" }, include: { source: { select: { name: true, kind: true } } }, take: 500, orderBy: { id: "desc" } });
  if (!proposals.length) return [];
  const [missions, context] = await Promise.all([
    db.mission.findMany({
      where: { id: { in: [...new Set(proposals.map((proposal) => proposal.missionId))] }, archivedAt: null, ...(hostScope ? { hostCode: { in: [...hostScope] } } : {}) },
      select: { id: true, slug: true, city: true, hostCode: true, status: true, version: true, timeZone: true, sending: { select: { name: true } }, host: { select: { name: true } } },
    }),
    loadFreshnessContext(db, now),
  ]);
  const byId = new Map(missions.map((mission) => [mission.id, mission]));
  return proposals
    .flatMap((proposal): PendingProposal[] => {
      const mission = byId.get(proposal.missionId);
      if (!mission) return [];
      return [
        {
          id: proposal.id,
          kind: proposal.kind as PendingProposal["kind"],
          classification: proposal.classification,
          suggestedStatus: proposal.suggestedStatus as PendingProposal["suggestedStatus"],
          until: iso(proposal.until),
          untilPhrase: proposal.untilPhrase,
          title: proposal.title,
          excerpt: proposal.excerpt,
          triggerPhrase: proposal.triggerPhrase,
          link: proposal.link,
          publishedAt: iso(proposal.publishedAt),
          confidence: proposal.confidence,
          diff: proposal.diff,
          createdAt: proposal.createdAt.toISOString(),
          sourceName: proposal.source.name,
          inCrisis: context.policyFor(mission.hostCode).inCrisis,
          mission: { id: mission.id, slug: mission.slug, name: `${mission.sending.name}, ${mission.city}`, hostName: mission.host.name, status: mission.status, version: mission.version, timeZone: mission.timeZone },
        },
      ];
    })
    .sort(
      (a, b) =>
        statusGroup(a.suggestedStatus) - statusGroup(b.suggestedStatus) ||
        Number(b.inCrisis) - Number(a.inCrisis) ||
        Number(a.kind === "reverify") - Number(b.kind === "reverify") ||
        b.confidence - a.confidence ||
        b.createdAt.localeCompare(a.createdAt) ||
        b.id - a.id,
    );
}
