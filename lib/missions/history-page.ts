// A mission's history one page at a time, newest first (decision 017): a busy mission gathers
// thousands of entries over the years, and neither its page nor the API may send them all.
// Keyset cursors on (effectiveAt, recordedAt, id): a page starts just after the last entry of
// the previous one, however many entries were added meanwhile.
import { z } from "zod";

export const HISTORY_PAGE_SIZE = 50;
export const MAX_HISTORY_PAGE_SIZE = 200;

export const historyOrder = [{ effectiveAt: "desc" }, { recordedAt: "desc" }, { id: "desc" }] as const;

export interface HistoryCursor {
  id: number;
  effectiveAt: Date;
  recordedAt: Date;
}

const CursorSchema = z.object({ e: z.int(), r: z.int(), id: z.int().positive() });

export function encodeHistoryCursor(entry: HistoryCursor): string {
  return Buffer.from(JSON.stringify({ e: entry.effectiveAt.getTime(), r: entry.recordedAt.getTime(), id: entry.id })).toString("base64url");
}

/** The entry a cursor stands for, or null when it is not one this server made. */
export function decodeHistoryCursor(cursor: string): HistoryCursor | null {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? { id: parsed.data.id, effectiveAt: new Date(parsed.data.e), recordedAt: new Date(parsed.data.r) } : null;
  } catch {
    return null;
  }
}

/** The entries after `before` in history order (as a Prisma `where` on StatusChange). */
export function olderThan(before: HistoryCursor | null | undefined) {
  if (!before) return {};
  const { effectiveAt, recordedAt, id } = before;
  return {
    OR: [
      { effectiveAt: { lt: effectiveAt } },
      { effectiveAt, recordedAt: { lt: recordedAt } },
      { effectiveAt, recordedAt, id: { lt: id } },
    ],
  };
}

/** Query arguments for one page: one entry more than the page, to know whether more follow. */
export function historyPageArgs(before: HistoryCursor | null | undefined, limit: number) {
  return { where: olderThan(before), orderBy: [...historyOrder], take: limit + 1 };
}

/** The page and the cursor of the next one (null on the last page). */
export function toHistoryPage<T extends HistoryCursor>(fetched: T[], limit: number): { entries: T[]; nextCursor: string | null } {
  const entries = fetched.slice(0, limit);
  const last = entries.at(-1);
  return { entries, nextCursor: fetched.length > limit && last ? encodeHistoryCursor(last) : null };
}
