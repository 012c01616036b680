// Validated mission writes. Each runs in one transaction with its history and audit rows,
// checks the author's host scope, and announces the change after commit.
import { missionContactSelect } from "./row-select";
import "server-only";
import { appendAudit, auditData, type Actor } from "@/lib/audit/audit";
import { canEditHost, type SessionUser } from "@/lib/auth/sessions";
import { isKnownCountryCode } from "@/lib/countries/catalog";
import type { Db, Tx } from "@/lib/db/create";
import { refreshFoldedColumns } from "./folded-columns";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { announceDataChange } from "@/lib/events/data-changed";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { toAppError } from "@/lib/http/errors";
import { systemClock, type Clock } from "@/lib/jobs/clock";
import { wakeJobWorker } from "@/lib/jobs/wake";
import { FollowsSchema, type Status } from "@/lib/status/schema";
import type { BulkEventInput, BulkVerifyInput, MissionFields, MissionUpdateInput, StatusUpdateInput, VerifyInput } from "./schema";
import { missionSlug, slugify } from "./slug";
import { appendReports, recordStatusChange, VersionConflictError } from "./status-commands";
import { timeZoneFor } from "./time-zone";

export const actorOf = (user: SessionUser): Actor => ({ id: user.id, name: user.name });

export interface CommandOptions {
  clock?: Clock;
}

const statusSelect = {
  id: true,
  slug: true,
  sendingCode: true,
  hostCode: true,
  archivedAt: true,
  status: true,
  statusReason: true,
  sourceUrl: true,
  sourceTitle: true,
  statusSince: true,
  verifiedAt: true,
  statusSetBy: true,
  statusUntil: true,
  statusFollows: true,
  expectedAfter: true,
  version: true,
} as const;

type StatusSnapshot = Prisma.MissionGetPayload<{ select: typeof statusSelect }>;

const missionNotFound = (missionId: number, { orArchived = false } = {}) =>
  new NotFoundError(`Mission ${missionId} does not exist${orArchived ? " or is archived" : ""}`, {
    fields: [{ field: "id", message: `no mission ${missionId}${orArchived ? " (or it is archived)" : ""}` }],
  });

export async function loadEditable(tx: Tx, user: SessionUser, missionId: number): Promise<StatusSnapshot> {
  const mission = await tx.mission.findUnique({ where: { id: missionId }, select: statusSelect });
  if (!mission || mission.archivedAt) throw missionNotFound(missionId, { orArchived: true });
  if (!canEditHost(user, mission.hostCode)) throw new ForbiddenError(`You may not change missions in ${mission.hostCode}`, { details: { missionId } });
  return mission;
}

export function announceMissions(missions: Array<{ id: number; hostCode: string; sendingCode: string }>) {
  // The committed change owes notifications (lib/subscriptions/notice.ts): fan them out now.
  wakeJobWorker(new Date());
  return announceDataChange({
    missionIds: missions.map((mission) => mission.id),
    hostCodes: [...new Set(missions.map((mission) => mission.hostCode))],
    sendingCodes: [...new Set(missions.map((mission) => mission.sendingCode))],
  });
}

/** The change that won a conflict, for the 409 answer. */
export async function describeConflict(db: Db, missionId: number) {
  const mission = await db.mission.findUnique({ where: { id: missionId }, select: statusSelect });
  const latest = await db.statusChange.findFirst({
    where: { missionId },
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    select: { newStatus: true, previousStatus: true, reason: true, sourceUrl: true, effectiveAt: true, recordedAt: true, authorName: true, version: true, kind: true },
  });
  return { current: mission, latestChange: latest };
}

const SLUG_ATTEMPTS = 8;

/**
 * Slugs are picked by reading which are taken, so two transactions at once (PostgreSQL runs
 * them in parallel) can pick the same one: the loser's unique violation on the slug retries
 * the whole transaction, which then sees the winner's slug and takes the next free one.
 */
export async function retryingTakenSlug<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const mapped = toAppError(error);
      const slugTaken = mapped.code === "conflict" && mapped.fields.some((field) => field.field === "slug");
      if (!slugTaken) throw error;
      if (attempt >= SLUG_ATTEMPTS) throw new ConflictError("Too many writes at once took the same name; try again", { fields: [{ field: "slug", message: "is already taken" }], cause: error });
    }
  }
}

/** A lost version race as a conflict that shows the change that won. */
export async function conflictResponse<T>(db: Db, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof VersionConflictError) {
      const conflict = toAppError(error);
      throw new ConflictError(conflict.message, { fields: conflict.fields, details: { missionId: error.missionId, ...(await describeConflict(db, error.missionId)) } });
    }
    throw error;
  }
}

/** After commit: work due soon (an "until") is picked up by this process's worker at once. */
function wakeForEnds(untils: Array<Date | null>) {
  const due = untils.filter((until): until is Date => until !== null);
  if (due.length) wakeJobWorker(new Date(Math.min(...due.map((until) => until.getTime()))));
}

export async function changeMissionStatus(db: Db, user: SessionUser, missionId: number, input: StatusUpdateInput, { clock = systemClock }: CommandOptions = {}) {
  const now = clock.now();
  const result = await conflictResponse(db, () =>
    db.$transaction(async (tx) => {
      const before = await loadEditable(tx, user, missionId);
      const change = await recordStatusChange(tx, {
        missionId,
        status: input.status,
        reason: input.reason,
        sourceUrl: input.sourceUrl,
        sourceTitle: input.sourceTitle,
        effectiveAt: input.effectiveAt ?? now,
        recordedAt: now,
        expectedVersion: input.expectedVersion,
        author: actorOf(user),
        until: input.until,
        follows: input.follows,
      });
      const after = await tx.mission.findUniqueOrThrow({ where: { id: missionId }, select: statusSelect });
      await appendAudit(tx, actorOf(user), { action: `status.${change.kind}`, entityType: "mission", entityId: missionId, before, after });
      return { change, mission: after };
    }),
  );
  await announceMissions([result.mission]);
  wakeForEnds([result.change.until]);
  return result;
}

/** A re-verification confirms the report it verifies, including an end that is still ahead. */
function endStillAhead(mission: StatusSnapshot, now: Date) {
  return mission.statusUntil && mission.statusUntil > now ? { until: mission.statusUntil, follows: FollowsSchema.parse(mission.statusFollows) } : {};
}

/**
 * Keeps the current status and renews "last verified" with a source. The report's end, if it
 * has one still ahead, is confirmed with it.
 */
export async function verifyMissionStatus(db: Db, user: SessionUser, missionId: number, input: VerifyInput, { clock = systemClock }: CommandOptions = {}) {
  const now = clock.now();
  const result = await conflictResponse(db, () =>
    db.$transaction(async (tx) => {
      const before = await loadEditable(tx, user, missionId);
      if (before.status !== "open" && before.status !== "limited" && before.status !== "closed") {
        throw new ValidationError([{ field: "status", message: "this mission has no status to re-verify yet" }]);
      }
      const change = await recordStatusChange(tx, {
        missionId,
        status: before.status,
        reason: before.statusReason,
        sourceUrl: input.sourceUrl,
        sourceTitle: input.sourceTitle,
        effectiveAt: now,
        recordedAt: now,
        expectedVersion: input.expectedVersion,
        author: actorOf(user),
        ...endStillAhead(before, now),
      });
      const after = await tx.mission.findUniqueOrThrow({ where: { id: missionId }, select: statusSelect });
      await appendAudit(tx, actorOf(user), { action: "status.verify", entityType: "mission", entityId: missionId, before, after });
      return { change, mission: after };
    }),
  );
  await announceMissions([result.mission]);
  wakeForEnds([result.change.until]);
  return result;
}

export function eventSlug(name: string, at: Date): string {
  return `${slugify(name).slice(0, 80).replace(/-+$/, "") || "event"}-${at.toISOString().slice(0, 10)}`;
}

/** The report a re-verification makes: the mission's own status and reason, confirmed again. */
function reverification(mission: StatusSnapshot): { status: Status; reason: string | null } {
  if (mission.status !== "open" && mission.status !== "limited" && mission.status !== "closed") {
    throw new ValidationError([{ field: "missions", message: `mission ${mission.id} has no status to re-verify yet` }]);
  }
  return { status: mission.status, reason: mission.statusReason };
}

/**
 * One event for many missions, all written in one transaction or none: one status for all
 * (BulkEventInput), or each mission's own status re-verified from one source (BulkVerifyInput).
 */
export async function applyBulkEvent(db: Db, user: SessionUser, input: BulkEventInput | BulkVerifyInput, { clock = systemClock }: CommandOptions = {}) {
  const now = clock.now();
  const occurredAt = ("effectiveAt" in input ? input.effectiveAt : undefined) ?? now;
  const untils: Array<Date | null> = [];
  const result = await conflictResponse(db, () => retryingTakenSlug(() =>
    db.$transaction(
      async (tx) => {
        let slug = eventSlug(input.name, occurredAt);
        for (let n = 2; await tx.event.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${eventSlug(input.name, occurredAt)}-${n}`;
        const event = await tx.event.create({
          data: { slug, name: input.name, description: input.description, occurredAt, createdById: user.id },
        });
        const requested = input.missions.map((mission) => mission.id);
        const found = new Map((await tx.mission.findMany({ where: { id: { in: requested } }, select: statusSelect })).map((mission) => [mission.id, mission]));
        const befores = input.missions.map(({ id, expectedVersion }) => {
          const before = found.get(id);
          if (!before || before.archivedAt) throw missionNotFound(id, { orArchived: true });
          if (!canEditHost(user, before.hostCode)) throw new ForbiddenError(`You may not change missions in ${before.hostCode}`, { details: { missionId: id } });
          if (before.version !== expectedVersion) throw new VersionConflictError(id, expectedVersion, before.version);
          return before;
        });
        const changes = await appendReports(tx, befores, (before) => ({
          ...("status" in input
            ? { status: input.status, reason: input.reason, until: input.until, follows: input.follows }
            : { ...reverification(found.get(before.id)!), ...endStillAhead(found.get(before.id)!, now) }),
          sourceUrl: input.sourceUrl,
          sourceTitle: input.sourceTitle,
          effectiveAt: occurredAt,
          recordedAt: now,
          author: actorOf(user),
          eventId: event.id,
        }));
        untils.push(...changes.map((change) => change.until));
        const afters = new Map((await tx.mission.findMany({ where: { id: { in: requested } }, select: statusSelect })).map((mission) => [mission.id, mission]));
        const touched = befores.map((before) => afters.get(before.id)!);
        const audit = befores.map((before) =>
          auditData(actorOf(user), { action: "status.bulk", entityType: "mission", entityId: before.id, before, after: { ...afters.get(before.id), event: slug } }),
        );
        for (let start = 0; start < audit.length; start += 500) await tx.auditEntry.createMany({ data: audit.slice(start, start + 500) });
        await appendAudit(tx, actorOf(user), {
          action: "event.create",
          entityType: "event",
          entityId: event.id,
          after: {
            slug,
            name: input.name,
            ...("status" in input ? { status: input.status, reason: input.reason } : { reverified: true }),
            sourceUrl: input.sourceUrl,
            missionIds: touched.map((mission) => mission.id),
          },
        });
        return { event: { id: event.id, slug, name: event.name }, missions: touched };
      },
      { timeout: 60_000 },
    )),
  );
  await announceMissions(result.missions);
  wakeForEnds(untils);
  return { event: result.event, count: result.missions.length };
}

const missionEditSelect = {
  id: true,
  slug: true,
  sendingCode: true,
  hostCode: true,
  city: true,
  type: true,
  ...missionContactSelect,
  timeZone: true,
  archivedAt: true,
  version: true,
} as const;

function checkCountries(fields: Partial<MissionFields>) {
  const errors = (["sendingCode", "hostCode"] as const)
    .filter((field) => fields[field] !== undefined && !isKnownCountryCode(fields[field]!))
    .map((field) => ({ field, message: `unknown country code ${fields[field]}` }));
  if (errors.length) throw new ValidationError(errors);
}

const definedOnly = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };

async function uniqueSlug(tx: Tx, base: string): Promise<string> {
  let slug = base;
  for (let n = 2; await tx.mission.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${base}-${n}`;
  return slug;
}

export async function createMission(db: Db, user: SessionUser, input: MissionFields) {
  checkCountries(input);
  if (!canEditHost(user, input.hostCode)) throw new ForbiddenError(`You may not add missions in ${input.hostCode}`, { fields: [{ field: "hostCode", message: "is outside your host countries" }] });
  const mission = await retryingTakenSlug(() => db.$transaction(async (tx) => {
    if (input.wikidataId && (await tx.mission.findUnique({ where: { wikidataId: input.wikidataId }, select: { id: true } }))) {
      throw new ValidationError([{ field: "wikidataId", message: `another mission already has ${input.wikidataId}` }]);
    }
    const created = await tx.mission.create({
      data: {
        ...input,
        slug: await uniqueSlug(tx, missionSlug(input.sendingCode, input.type, input.city)),
        timeZone: input.timeZone ?? timeZoneFor(input),
      },
      select: missionEditSelect,
    });
    await refreshFoldedColumns(tx, { id: created.id });
    await appendAudit(tx, actorOf(user), { action: "mission.create", entityType: "mission", entityId: created.id, after: created });
    return created;
  }));
  await announceMissions([mission]);
  return mission;
}

export async function updateMission(db: Db, user: SessionUser, missionId: number, input: MissionUpdateInput) {
  checkCountries(input);
  const result = await db.$transaction(async (tx) => {
    const before = await tx.mission.findUnique({ where: { id: missionId }, select: missionEditSelect });
    if (!before) throw missionNotFound(missionId);
    if (!canEditHost(user, before.hostCode) || (input.hostCode && !canEditHost(user, input.hostCode))) {
      throw new ForbiddenError(`You may not change missions in ${input.hostCode ?? before.hostCode}`);
    }
    if (input.wikidataId && input.wikidataId !== before.wikidataId) {
      const other = await tx.mission.findUnique({ where: { wikidataId: input.wikidataId }, select: { id: true } });
      if (other) throw new ValidationError([{ field: "wikidataId", message: `another mission already has ${input.wikidataId}` }]);
    }
    const { timeZone, ...fields } = input;
    // An emptied time zone is derived again, as on create, from the place after the edit.
    const place = { latitude: before.latitude, longitude: before.longitude, hostCode: before.hostCode, ...definedOnly(fields) };
    const after = await tx.mission.update({
      where: { id: missionId },
      data: { ...fields, ...(timeZone !== undefined ? { timeZone: timeZone ?? timeZoneFor(place) } : {}) },
      select: missionEditSelect,
    });
    await refreshFoldedColumns(tx, { id: missionId });
    await appendAudit(tx, actorOf(user), { action: "mission.update", entityType: "mission", entityId: missionId, before, after });
    return { before, after };
  });
  await announceMissions([result.before, result.after]);
  return result.after;
}

/** Archived missions leave the public views; their history stays. */
export async function setMissionArchived(db: Db, user: SessionUser, missionId: number, archived: boolean) {
  const result = await db.$transaction(async (tx) => {
    const before = await tx.mission.findUnique({ where: { id: missionId }, select: missionEditSelect });
    if (!before) throw missionNotFound(missionId);
    if (!canEditHost(user, before.hostCode)) throw new ForbiddenError(`You may not change missions in ${before.hostCode}`);
    const after = await tx.mission.update({
      where: { id: missionId },
      data: { archivedAt: archived ? (before.archivedAt ?? new Date()) : null },
      select: missionEditSelect,
    });
    await appendAudit(tx, actorOf(user), { action: archived ? "mission.archive" : "mission.restore", entityType: "mission", entityId: missionId, before, after });
    return after;
  });
  await announceMissions([result]);
  return result;
}
