// The one wrapper every write route goes through: same-origin check, session, role, body
// limits, and every thrown error answered by the one errorResponse (lib/http/response.ts).
import "server-only";
import type { z } from "zod";
import { clearedSessionCookie, isHttps, readCookie, SESSION_COOKIE } from "@/lib/auth/cookie";
import { getSessionUser, type SessionUser } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/create";
import { BadRequestError, ForbiddenError, parseOrThrow, TooLargeError, UnauthenticatedError } from "@/lib/errors";
import { forwardedHost } from "./client-ip";
import { errorResponse, toWebResponse } from "./response";

export type Access = "public" | "editor" | "admin";

export const DEFAULT_BODY_LIMIT = 64 * 1024;

export interface RouteContext<P, A extends Access> {
  request: Request;
  db: Db;
  user: A extends "public" ? SessionUser | null : SessionUser;
  params: P;
  sessionToken: string | undefined;
  /** The body as JSON, validated by the schema (413 over the limit, 400 unreadable, 422 invalid). */
  json<S extends z.ZodType>(schema: S): Promise<z.infer<S>>;
  /** The raw body bytes (413 over the limit). */
  bytes(): Promise<Uint8Array>;
}

interface RouteOptions<A extends Access, P> {
  access: A;
  maxBodyBytes?: number;
  /** Validates the dynamic route segments (throw → error answer). */
  params?: (raw: Record<string, string>) => P;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** Browsers always send Origin on cross-site and on same-site POST/PUT/PATCH/DELETE fetches. */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  const host = forwardedHost(request) || request.headers.get("host") || new URL(request.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new TooLargeError(limit);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new TooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export function defineRoute<A extends Access, P = Record<string, never>>(
  options: RouteOptions<A, P>,
  handler: (context: RouteContext<P, A>) => Promise<Response>,
) {
  return async (request: Request, segment?: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request)) {
        throw new ForbiddenError("Cross-origin writes are refused", { fields: [{ field: "Origin", message: "must be this site's origin" }] });
      }
      const db = getDb();
      const sessionToken = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
      const user = await getSessionUser(db, sessionToken);
      if (options.access !== "public") {
        if (!user) {
          const response = toWebResponse(errorResponse(new UnauthenticatedError()));
          if (sessionToken) response.headers.set("Set-Cookie", clearedSessionCookie(isHttps(request)));
          return response;
        }
        if (options.access === "admin" && user.role !== "admin") throw new ForbiddenError("Only admins may do this");
      }
      const limit = options.maxBodyBytes ?? DEFAULT_BODY_LIMIT;
      let body: Promise<Uint8Array> | undefined;
      const bytes = () => (body ??= readLimited(request, limit));
      const context: RouteContext<P, A> = {
        request,
        db,
        user: user as RouteContext<P, A>["user"],
        params: options.params ? options.params((await segment?.params) ?? {}) : ({} as P),
        sessionToken,
        bytes,
        async json(schema) {
          const raw = new TextDecoder().decode(await bytes());
          let value: unknown;
          try {
            value = JSON.parse(raw);
          } catch {
            throw new BadRequestError("The request body is not valid JSON", { fields: [{ field: "body", message: "is not valid JSON" }] });
          }
          return parseOrThrow(schema, value);
        },
      };
      return await handler(context);
    } catch (error) {
      return toWebResponse(errorResponse(error), request.method);
    }
  };
}
