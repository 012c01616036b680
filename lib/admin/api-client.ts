// Client-side calls to the admin routes; every non-2xx answer (the one error shape of
// lib/http/errors.ts) becomes an ApiError.
import type { ErrorCode, FieldError } from "@/lib/errors";

export type { FieldError };

interface ErrorPayload {
  code?: ErrorCode;
  message?: string;
  fields?: FieldError[];
  details?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    private readonly payload: ErrorPayload,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get code(): ErrorCode | undefined {
    return this.payload.code;
  }

  get fields(): FieldError[] {
    return Array.isArray(this.payload.fields) ? this.payload.fields : [];
  }

  /** Facts particular to the code, e.g. the current state after a conflict. */
  get details(): Record<string, unknown> {
    return this.payload.details ?? {};
  }
}

export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown; rawBody?: BodyInit; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { ...init.headers };
  let body = init.rawBody;
  if (init.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method: init.method ?? (body === undefined ? "GET" : "POST"), headers, body, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "The server could not be reached. Check your connection and try again.", {});
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const payload = (typeof json.error === "object" && json.error !== null ? json.error : {}) as ErrorPayload;
    throw new ApiError(response.status, payload.message ?? `The server answered ${response.status}`, payload);
  }
  return json as T;
}

/** A failed zod parse as the field errors the forms show. */
export function fieldErrorsOf(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join("."), message: issue.message }));
}
