// Calls route handlers the way Next does, with a real Request, cookies and Origin.
import { SESSION_COOKIE } from "@/lib/auth/cookie";
import { hashPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import type { Db } from "@/lib/db/create";
import type { ErrorBody } from "@/lib/http/errors";

export const ORIGIN = "http://chancery.test";

type Handler = (request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  path?: string;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  token?: string;
  origin?: string | null;
  params?: Record<string, string>;
}

export async function call(handler: Handler, options: CallOptions = {}) {
  const headers: Record<string, string> = { host: "chancery.test", ...options.headers };
  if (options.origin !== null) headers.origin = options.origin ?? ORIGIN;
  if (options.token) headers.cookie = `${SESSION_COOKIE}=${options.token}`;
  let body: BodyInit | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] = "application/json";
  }
  const request = new Request(`${ORIGIN}${options.path ?? "/api/test"}`, { method: options.method ?? "POST", headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = { text };
  }
  // Every refusal has the one shape of lib/http/errors.ts.
  const error = typeof json.error === "object" && json.error !== null ? (json.error as ErrorBody["error"]) : undefined;
  return { status: response.status, json, error, headers: response.headers };
}

let users = 0;

export async function createUserWithSession(
  db: Db,
  overrides: Partial<{ role: "admin" | "editor"; active: boolean; hostScope: string | null; password: string; email: string }> = {},
) {
  users++;
  const password = overrides.password ?? "a long test password";
  const user = await db.user.create({
    data: {
      email: overrides.email ?? `user${users}@example.org`,
      name: `User ${users}`,
      role: overrides.role ?? "editor",
      active: overrides.active ?? true,
      hostScope: overrides.hostScope ?? null,
      passwordHash: await hashPassword(password),
    },
  });
  const { token } = await createSession(db, user.id);
  return { user, token, password };
}

/** Every table but sessions and countries, for "nothing changed" assertions. */
export async function snapshotDatabase(db: Db) {
  const [missions, changes, events, users, audit, freshnessPolicies, scheduled, jobs, sources, proposals, reasonTexts] = await Promise.all([
    db.mission.findMany({ orderBy: { id: "asc" } }),
    db.statusChange.findMany({ orderBy: { id: "asc" } }),
    db.event.findMany({ orderBy: { id: "asc" } }),
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.auditEntry.findMany({ orderBy: { id: "asc" } }),
    db.freshnessPolicy.findMany({ orderBy: { hostCode: "asc" } }),
    db.scheduledChange.findMany({ orderBy: { id: "asc" } }),
    db.job.findMany({ orderBy: { id: "asc" } }),
    db.source.findMany({ orderBy: { id: "asc" } }),
    db.proposal.findMany({ orderBy: { id: "asc" } }),
    db.reasonText.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.parse(JSON.stringify({ missions, changes, events, users, audit, freshnessPolicies, scheduled, jobs, sources, proposals, reasonTexts })) as unknown;
}

/** One public API answer as the server produces it (no HTTP): its status, body and parsed JSON. */
export async function apiGet(db: Db, pathAndQuery: string) {
  // Imported when used: the route tests that share this file need not load the whole API.
  const { produceApiResponse } = await import("@/lib/api/handlers");
  const { response } = await produceApiResponse({ db, origin: ORIGIN }, new URL(pathAndQuery, ORIGIN));
  return { status: response.status, body: response.body, json: response.headers["Content-Type"]?.includes("json") ? JSON.parse(response.body) : undefined };
}
