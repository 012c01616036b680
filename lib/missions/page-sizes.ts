// How many rows a page of a mission list holds: a module of its own (no database imports), so
// the browser tests read the same numbers.

/** Limits every list shares: a page never holds more than MAX_PAGE_SIZE rows. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
/** Rows per page of the public HTML tables; further pages by "next" links (plain GET). */
export const PUBLIC_PAGE_SIZE = 100;
