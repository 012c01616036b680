// Where the API lives and which of its paths stream: pure, so the front process (server.ts)
// routes requests without loading the handlers (and the database behind them).
export const API_PREFIX = "/api/v1";

/** Streamed answers (decision 045) are never cached: the front proxies them as they come. */
export function isStreamedApiPath(pathname: string): boolean {
  return pathname.replace(/\/+$/, "") === `${API_PREFIX}/changes.csv`;
}
