import { z } from "zod";
import { queryRecord } from "@/lib/api/query";
import { BadRequestError, parameterErrors, type FieldError } from "@/lib/errors";
import { createMission } from "@/lib/missions/commands";
import { decodeCursor } from "@/lib/missions/cursor";
import { getAdminMissionPage } from "@/lib/missions/admin-queries";
import { DEFAULT_PAGE_SIZE } from "@/lib/missions/list-query";
import { MissionCreateSchema } from "@/lib/missions/schema";
import { FlagSchema, parseMissionFilters } from "@/lib/missions/filters";
import { defineRoute, json } from "@/lib/http/route";

/** What the editor's list takes besides the mission filters (lib/missions/filters.ts). */
const AdminListQuerySchema = z.object({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  archived: FlagSchema,
});

const badQuery = (fields: FieldError[]) => new BadRequestError(`Invalid ${[...new Set(fields.map((field) => field.field))].join(", ")}`, { fields });

/** The editor's list, a page at a time: ?q=&status=&host=&…&cursor=&limit=&archived=1 (editor-scoped). */
export const GET = defineRoute({ access: "editor" }, async ({ db, request, user }) => {
  const { cursor, limit, archived, ...rest } = queryRecord(new URL(request.url).searchParams);
  const page = AdminListQuerySchema.safeParse({ cursor, limit, archived });
  if (!page.success) throw badQuery(parameterErrors(page.error));
  const filters = parseMissionFilters(rest);
  if (!filters.ok) throw badQuery(filters.errors);
  const after = page.data.cursor === undefined ? null : decodeCursor(page.data.cursor, filters.filters);
  if (typeof after === "string") throw badQuery([{ field: "cursor", message: after }]);
  const result = await getAdminMissionPage(db, user, { filters: filters.filters, limit: page.data.limit ?? DEFAULT_PAGE_SIZE, after, archived: page.data.archived });
  return json({ missions: result.rows, totals: result.totals, matching: result.matching, nextCursor: result.nextCursor });
});

export const POST = defineRoute({ access: "editor" }, async ({ db, user, json: body }) => {
  const mission = await createMission(db, user, await body(MissionCreateSchema));
  return json({ mission }, 201);
});
