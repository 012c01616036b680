// Reads and writes of the per-host freshness policies for the admin page. A write is audited
// in its transaction and announced, so every cached view of that host's missions is redone.
import "server-only";
import { appendAudit } from "@/lib/audit/audit";
import type { SessionUser } from "@/lib/auth/sessions";
import { isKnownCountryCode } from "@/lib/countries/catalog";
import type { Db } from "@/lib/db/create";
import { announceDataChange } from "@/lib/events/data-changed";
import { NotFoundError } from "@/lib/errors";
import { storedPolicySelect } from "./freshness-policies";
import type { FreshnessPolicyInput, FreshnessPolicyRow } from "./freshness-policy-schema";

/** Every host country with missions, and any other with a policy, by name. */
export async function listFreshnessPolicies(db: Db): Promise<FreshnessPolicyRow[]> {
  const [hosts, policies] = await Promise.all([
    db.mission.groupBy({ by: ["hostCode"], where: { archivedAt: null }, _count: { _all: true } }),
    db.freshnessPolicy.findMany({ select: storedPolicySelect }),
  ]);
  const codes = [...new Set([...hosts.map((host) => host.hostCode), ...policies.map((policy) => policy.hostCode)])];
  const names = new Map((await db.country.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })).map((c) => [c.code, c.name]));
  const missions = new Map(hosts.map((host) => [host.hostCode, host._count._all]));
  const byHost = new Map(policies.map((policy) => [policy.hostCode, policy]));
  return codes
    .map((hostCode) => {
      const policy = byHost.get(hostCode);
      return {
        hostCode,
        hostName: names.get(hostCode) ?? hostCode,
        missions: missions.get(hostCode) ?? 0,
        closedStaleHours: policy?.closedStaleHours ?? null,
        limitedStaleHours: policy?.limitedStaleHours ?? null,
        openStaleHours: policy?.openStaleHours ?? null,
        inCrisis: policy?.inCrisis ?? false,
      };
    })
    .sort((a, b) => Number(b.inCrisis) - Number(a.inCrisis) || a.hostName.localeCompare(b.hostName, "en"));
}

export async function setFreshnessPolicy(db: Db, user: SessionUser, hostCode: string, input: FreshnessPolicyInput) {
  if (!isKnownCountryCode(hostCode)) throw new NotFoundError(`Unknown country code ${hostCode}`, { fields: [{ field: "code", message: "is not a known country code" }] });
  const actor = { id: user.id, name: user.name };
  const after = await db.$transaction(async (tx) => {
    const before = await tx.freshnessPolicy.findUnique({ where: { hostCode }, select: storedPolicySelect });
    const data = { ...input, updatedById: user.id };
    const saved = await tx.freshnessPolicy.upsert({ where: { hostCode }, create: { hostCode, ...data }, update: data, select: storedPolicySelect });
    await appendAudit(tx, actor, { action: "freshness-policy.set", entityType: "freshness-policy", entityId: hostCode, before, after: saved });
    return saved;
  });
  // Freshness of every mission in the host may have changed.
  const missions = await db.mission.findMany({ where: { hostCode }, select: { id: true, sendingCode: true } });
  await announceDataChange({
    missionIds: missions.map((mission) => mission.id),
    hostCodes: [hostCode],
    sendingCodes: [...new Set(missions.map((mission) => mission.sendingCode))],
  });
  return after;
}
