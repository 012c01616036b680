// Keyset cursors for the missions list: the cursor carries the sort keys of the last row
// returned, so the next page starts after it even when rows are added or removed meanwhile.
import { z } from "zod";
import { MissionSortSchema, type MissionFilters } from "@/lib/missions/filters";
import type { MissionRow } from "@/lib/missions/filter-missions";
import { MissionTypeSchema } from "@/lib/missions/types";
import { StatusSchema } from "@/lib/status/schema";

const CursorSchema = z.object({
  sort: MissionSortSchema,
  dir: z.enum(["asc", "desc"]),
  id: z.int(),
  sendingName: z.string(),
  hostName: z.string(),
  city: z.string(),
  type: MissionTypeSchema,
  status: StatusSchema.nullable(),
  statusSince: z.number().nullable(),
  verifiedAt: z.number().nullable(),
});

export function encodeCursor(row: MissionRow, filters: Pick<MissionFilters, "sort" | "dir">): string {
  const value: z.infer<typeof CursorSchema> = {
    sort: filters.sort,
    dir: filters.dir,
    id: row.id,
    sendingName: row.sendingName,
    hostName: row.hostName,
    city: row.city,
    type: row.type,
    status: row.status,
    statusSince: row.statusSince?.getTime() ?? null,
    verifiedAt: row.verifiedAt?.getTime() ?? null,
  };
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** The row a cursor stands for (enough of it to compare), or an error message. */
export function decodeCursor(cursor: string, filters: Pick<MissionFilters, "sort" | "dir">): MissionRow | string {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return "is not a cursor returned by this API";
  }
  const parsed = CursorSchema.safeParse(json);
  if (!parsed.success) return "is not a cursor returned by this API";
  const value = parsed.data;
  if (value.sort !== filters.sort || value.dir !== filters.dir) return "belongs to a different sort order";
  return {
    ...value,
    slug: "",
    sendingCode: "",
    hostCode: "",
    statusReason: null,
    sourceUrl: null,
    sourceTitle: null,
    statusSince: value.statusSince === null ? null : new Date(value.statusSince),
    verifiedAt: value.verifiedAt === null ? null : new Date(value.verifiedAt),
    statusUntil: null,
    statusFollows: null,
    expectedAfter: null,
    timeZone: "UTC",
    version: 0,
    freshness: null,
  };
}
