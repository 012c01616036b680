import type { Moment } from "@/lib/history/moment";

/**
 * Which texts of the reasons a view shows (decision 043): as known then, those saved by the
 * moment (what readers saw at T); as known now, today's (a later translation helps a reader
 * today even of an old status).
 */
export const reasonTextsAsOf = (moment: Moment | null | undefined): Date | undefined => (moment?.known === "then" ? moment.at : undefined);
