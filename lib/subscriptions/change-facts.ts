// What a notification says about one status change, loaded once for mails and webhooks: the
// entry itself (not the mission's current fields, which a later change may already have moved)
// and the freshness the entry had when written, by the host country's policy.
import type { Db, Tx } from "@/lib/db/create";
import { countryNameInText } from "@/lib/countries/catalog";
import { missionTypeLabel } from "@/lib/missions/types";
import { freshnessOf, resolvePolicy, type Freshness } from "@/lib/status/freshness";
import { describeChange, describeStatus, type StatusWording } from "@/lib/status/wording";
import { missionUrl } from "./links";
import type { MissionPlace } from "./scope";

export interface ChangeFacts {
  changeId: number;
  kind: string;
  mission: MissionPlace & { slug: string; title: string; hostName: string; sendingName: string; timeZone: string; url: string };
  previousStatus: string | null;
  newStatus: string | null;
  since: Date;
  until: Date | null;
  follows: string | null;
  reason: string | null;
  source: { url: string | null; title: string | null };
  verifiedAt: Date | null;
  freshness: Freshness | null;
  recordedAt: Date;
  eventId: number | null;
  /** "changed to Closed" */
  summary: string;
  wording: StatusWording;
}

const changeSelect = {
  id: true,
  kind: true,
  previousStatus: true,
  newStatus: true,
  effectiveAt: true,
  recordedAt: true,
  until: true,
  follows: true,
  reason: true,
  sourceUrl: true,
  sourceTitle: true,
  eventId: true,
  mission: {
    select: {
      id: true,
      slug: true,
      name: true,
      type: true,
      city: true,
      hostCode: true,
      sendingCode: true,
      timeZone: true,
      host: { select: { name: true } },
      sending: { select: { name: true } },
    },
  },
} as const;

export async function loadChangeFacts(client: Db | Tx, changeIds: number[], now: Date): Promise<ChangeFacts[]> {
  if (!changeIds.length) return [];
  const rows = await client.statusChange.findMany({ where: { id: { in: changeIds } }, select: changeSelect, orderBy: { id: "asc" } });
  const hostCodes = [...new Set(rows.map((row) => row.mission.hostCode))];
  const policies = await client.freshnessPolicy.findMany({ where: { hostCode: { in: hostCodes } } });
  return rows.map((row) => {
    const { mission } = row;
    const policy = resolvePolicy(policies.find((stored) => stored.hostCode === mission.hostCode));
    const status = row.newStatus;
    // As lib/missions/status-commands.ts sets verifiedAt: an expiry is confirmed by nobody.
    const verifiedAt = row.kind === "expiry" ? null : row.kind === "scheduled" ? row.effectiveAt : row.recordedAt > row.effectiveAt ? row.recordedAt : row.effectiveAt;
    const expectedAfter = row.kind === "expiry" ? row.previousStatus : null;
    const freshness = freshnessOf({ status, verifiedAt, expectedAfter }, policy, now);
    const title = mission.name ?? `${missionTypeLabel(mission.type)} of ${countryNameInText(mission.sending.name)} in ${mission.city}`;
    return {
      changeId: row.id,
      kind: row.kind,
      mission: {
        id: mission.id,
        slug: mission.slug,
        title,
        city: mission.city,
        hostCode: mission.hostCode,
        sendingCode: mission.sendingCode,
        hostName: mission.host.name,
        sendingName: mission.sending.name,
        timeZone: mission.timeZone,
        url: missionUrl(mission.slug),
      },
      previousStatus: row.previousStatus,
      newStatus: status,
      since: row.effectiveAt,
      until: row.until,
      follows: row.follows,
      reason: row.reason,
      source: { url: row.sourceUrl, title: row.sourceTitle },
      verifiedAt,
      freshness,
      recordedAt: row.recordedAt,
      eventId: row.eventId,
      summary: describeChange(row),
      wording: describeStatus(
        { status, statusSince: row.effectiveAt, statusUntil: row.until, statusFollows: row.follows, expectedAfter, verifiedAt, timeZone: mission.timeZone, freshness },
        now,
      ),
    };
  });
}
