// Pages of "what changed between two moments" (lib/history/changes.ts): their sizes and keyset
// cursors. The order is the mission lists' default (sending country, city, id by their folded
// keys, decision 027), so a cursor carries those three values of the page's last mission.
// Imports nothing server-side: the API schema names the sizes.
import { z } from "zod";

export const CHANGES_PAGE_SIZE = 100;
export const MAX_CHANGES_PAGE_SIZE = 500;

/** Where a page of changes starts: after this mission in the order. */
export interface ChangesPosition {
  sendingKey: string;
  cityKey: string;
  id: number;
}

const CursorSchema = z.object({ s: z.string(), c: z.string(), id: z.int().positive() });

export function encodeChangesCursor(position: ChangesPosition): string {
  return Buffer.from(JSON.stringify({ s: position.sendingKey, c: position.cityKey, id: position.id })).toString("base64url");
}

/** The position a cursor stands for, or null when it is not one this server made. */
export function decodeChangesCursor(cursor: string): ChangesPosition | null {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? { sendingKey: parsed.data.s, cityKey: parsed.data.c, id: parsed.data.id } : null;
  } catch {
    return null;
  }
}
