// What the service worker may keep (decision 025). Pure, shared by the worker and its tests.

/** Never kept, never answered from the cache: the editor's side and sign-in. */
const PRIVATE_PATH = /^\/(?:admin|api\/admin|api\/auth)(?:\/|$)/;
/** The worker script itself and Next's client-navigation payloads. */
const NOT_WORTH_KEEPING = /^\/(?:serwist|sw-register\.js)/;

export function isKeepablePath(pathname: string): boolean {
  return !PRIVATE_PATH.test(pathname) && !NOT_WORTH_KEEPING.test(pathname);
}

/**
 * A response rendered for a signed-in person (any request with a cookie reaches Next, which
 * answers `no-store`) or marked private is never stored; only plain successful answers are.
 */
export function isKeepableResponse(response: { status: number; type: string; headers: { get(name: string): string | null } }): boolean {
  if (response.status !== 200 || response.type !== "basic") return false;
  if (response.headers.get("set-cookie") !== null) return false;
  return !/\b(?:no-store|private)\b/i.test(response.headers.get("cache-control") ?? "");
}
