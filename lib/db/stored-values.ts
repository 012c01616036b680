// Statuses and mission types are plain strings in the database. They are parsed here, once,
// as rows leave it, for every reader (dashboard, API, embed, feeds, editor, commands): a value
// the code does not know (a bad migration, a hand edit) is logged and read as "not reported"
// (or type "other"), never guessed as open.
import { Prisma } from "@/lib/generated/sqlite/client";
import { MissionTypeSchema, type MissionType } from "@/lib/missions/types";
import { StatusSchema, type Status } from "@/lib/status/schema";

function warnUnknown(what: string, value: string, where: string) {
  console.warn(`Chancery: unknown ${what} ${JSON.stringify(value)} in ${where}; read as ${what === "status" ? "not reported" : '"other"'}`);
}

// Known values are checked by a set first: the world's as-of table reads ~20,000 of them.
const STATUSES_KNOWN = new Set<string>(StatusSchema.options);
const TYPES_KNOWN = new Set<string>(MissionTypeSchema.options);

export function storedStatus(value: string | null, where: string): Status | null {
  if (value === null) return null;
  if (STATUSES_KNOWN.has(value)) return value as Status;
  const parsed = StatusSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  warnUnknown("status", value, where);
  return null;
}

/**
 * A history entry's status: as a mission's, and "unreported" (stored by an end that left no
 * status reported) reads as null, like a mission without a status.
 */
export function storedHistoryStatus(value: string | null, where: string): Status | null {
  return value === "unreported" ? null : storedStatus(value, where);
}

export function storedMissionType(value: string, where: string): MissionType {
  if (TYPES_KNOWN.has(value)) return value as MissionType;
  const parsed = MissionTypeSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  warnUnknown("mission type", value, where);
  return "other";
}

export const storedValues = Prisma.defineExtension({
  name: "stored-values",
  result: {
    mission: {
      // Needs only the column itself: more would break groupBy, which takes these too.
      status: { needs: { status: true }, compute: (mission) => storedStatus(mission.status, "Mission.status") },
      type: { needs: { type: true }, compute: (mission) => storedMissionType(mission.type, "Mission.type") },
    },
    statusChange: {
      newStatus: { needs: { newStatus: true }, compute: (change) => storedHistoryStatus(change.newStatus, "StatusChange.newStatus") },
      previousStatus: { needs: { previousStatus: true }, compute: (change) => storedHistoryStatus(change.previousStatus, "StatusChange.previousStatus") },
    },
  },
});
