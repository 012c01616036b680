// Keyset cursors for mission lists (the API, the pages, the editor's list): the cursor carries
// the sort position of the last row returned, so the next page starts after it even when rows
// are added or removed meanwhile (lib/missions/order.ts).
import { z } from "zod";
import { MissionSortSchema, type MissionFilters } from "@/lib/missions/filters";
import { sortPositionOf, type SortPosition } from "@/lib/missions/order";
import { MissionTypeSchema } from "@/lib/missions/types";
import { StatusSchema } from "@/lib/status/schema";

const CursorSchema = z.object({
  sort: MissionSortSchema,
  dir: z.enum(["asc", "desc"]),
  id: z.int(),
  sendingKey: z.string(),
  hostKey: z.string(),
  cityKey: z.string(),
  type: MissionTypeSchema,
  status: StatusSchema.nullable(),
  statusSince: z.number().nullable(),
  verifiedAt: z.number().nullable(),
});

type Order = Pick<MissionFilters, "sort" | "dir">;

export function encodeCursor(row: Parameters<typeof sortPositionOf>[0], order: Order): string {
  const position = sortPositionOf(row);
  const value: z.infer<typeof CursorSchema> = {
    ...position,
    sort: order.sort,
    dir: order.dir,
    statusSince: position.statusSince?.getTime() ?? null,
    verifiedAt: position.verifiedAt?.getTime() ?? null,
  };
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export const CURSOR_ERROR = "is not a cursor returned by this API";

/** The position a cursor stands for, or an error message. */
export function decodeCursor(cursor: string, order: Order): SortPosition | string {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return CURSOR_ERROR;
  }
  const parsed = CursorSchema.safeParse(json);
  if (!parsed.success) return CURSOR_ERROR;
  const { sort, dir, ...value } = parsed.data;
  if (sort !== order.sort || dir !== order.dir) return "belongs to a different sort order";
  return {
    ...value,
    statusSince: value.statusSince === null ? null : new Date(value.statusSince),
    verifiedAt: value.verifiedAt === null ? null : new Date(value.verifiedAt),
  };
}

