// Status writes: every change updates the mission's current status and appends one
// StatusChange row in the same transaction. Callers pass the transaction.
import type { Tx } from "@/lib/db/create";
import type { Status } from "@/lib/status/schema";

export class VersionConflictError extends Error {
  constructor(
    readonly missionId: number,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`Mission ${missionId} changed since version ${expectedVersion} (now ${actualVersion})`);
    this.name = "VersionConflictError";
  }
}

export class MissionNotFoundError extends Error {
  constructor(readonly missionId: number) {
    super(`Mission ${missionId} does not exist`);
    this.name = "MissionNotFoundError";
  }
}

export interface StatusChangeInput {
  missionId: number;
  status: Status;
  reason: string | null;
  sourceUrl: string | null;
  sourceTitle: string | null;
  effectiveAt: Date;
  /** The version the author saw; omitted only by trusted batch jobs such as the seed. */
  expectedVersion?: number;
  author: { id: number | null; name: string };
  eventId?: number | null;
  recordedAt?: Date;
}

/**
 * Records a status report. A report with the current status is a re-verification (kind
 * "verify"). A back-dated report (effective before the current status) only joins the
 * history: the current status stays the latest effective one.
 */
export async function recordStatusChange(tx: Tx, input: StatusChangeInput) {
  const mission = await tx.mission.findUnique({
    where: { id: input.missionId },
    select: { id: true, status: true, statusSince: true, version: true },
  });
  if (!mission) throw new MissionNotFoundError(input.missionId);
  if (input.expectedVersion !== undefined && input.expectedVersion !== mission.version) {
    throw new VersionConflictError(mission.id, input.expectedVersion, mission.version);
  }
  const recordedAt = input.recordedAt ?? new Date();
  const nextVersion = mission.version + 1;
  const isLatest = !mission.statusSince || input.effectiveAt >= mission.statusSince;
  const isVerification = isLatest && mission.status === input.status;

  const current = isLatest
    ? {
        status: input.status,
        statusReason: input.reason,
        sourceUrl: input.sourceUrl,
        sourceTitle: input.sourceTitle,
        // A re-verification keeps the time the status began.
        statusSince: isVerification ? mission.statusSince : input.effectiveAt,
        verifiedAt: recordedAt > input.effectiveAt ? recordedAt : input.effectiveAt,
        statusSetById: input.author.id,
        statusSetBy: input.author.name,
      }
    : {};
  // The version guard in the WHERE clause makes concurrent writers from the same version
  // fail here even if both passed the read above.
  const updated = await tx.mission.updateMany({
    where: { id: mission.id, version: mission.version },
    data: { ...current, version: nextVersion },
  });
  if (updated.count !== 1) {
    const now = await tx.mission.findUnique({ where: { id: mission.id }, select: { version: true } });
    throw new VersionConflictError(mission.id, mission.version, now?.version ?? -1);
  }
  const previousStatus = isLatest ? mission.status : await statusAsOf(tx, mission.id, input.effectiveAt);
  return tx.statusChange.create({
    data: {
      missionId: mission.id,
      kind: isVerification ? "verify" : "change",
      previousStatus,
      newStatus: input.status,
      reason: input.reason,
      sourceUrl: input.sourceUrl,
      sourceTitle: input.sourceTitle,
      effectiveAt: input.effectiveAt,
      recordedAt,
      authorId: input.author.id,
      authorName: input.author.name,
      eventId: input.eventId ?? null,
      version: nextVersion,
    },
  });
}

/** The status a mission had at a moment, from its history (null if none was reported). */
export async function statusAsOf(tx: Tx, missionId: number, at: Date): Promise<string | null> {
  const latest = await tx.statusChange.findFirst({
    where: { missionId, effectiveAt: { lte: at } },
    orderBy: [{ effectiveAt: "desc" }, { recordedAt: "desc" }, { id: "desc" }],
    select: { newStatus: true },
  });
  return latest?.newStatus ?? null;
}
