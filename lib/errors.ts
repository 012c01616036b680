// The errors commands and readers throw, one class per kind of failure. Framework-free, so
// commands, the public API, the embed and the custom server share them; lib/http/errors.ts
// maps each code to its HTTP status in one table and gives the one JSON shape.
import type { z } from "zod";

export const ERROR_CODES = [
  "bad_request",
  "unauthenticated",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "too_large",
  "invalid",
  "rate_limited",
  "internal",
  "busy",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The field (body property, query or path parameter) at fault, and what is wrong with it. */
export interface FieldError {
  field: string;
  message: string;
}

export interface AppErrorOptions {
  fields?: FieldError[];
  /** Facts particular to the code, e.g. the current state after a conflict. */
  details?: Record<string, unknown>;
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly fields: FieldError[];
  readonly details: Record<string, unknown> | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.fields = options.fields ?? [];
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** The request cannot be read (unparseable body, bad query or path parameter). */
export class BadRequestError extends AppError {
  constructor(message: string, options: AppErrorOptions = {}) {
    super("bad_request", message, options);
    this.name = "BadRequestError";
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Log in first", options: AppErrorOptions = {}) {
    super("unauthenticated", message, options);
    this.name = "UnauthenticatedError";
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, options: AppErrorOptions = {}) {
    super("forbidden", message, options);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, options: AppErrorOptions = {}) {
    super("not_found", message, options);
    this.name = "NotFoundError";
  }
}

export class MethodNotAllowedError extends AppError {
  constructor(readonly allowed: string[]) {
    super("method_not_allowed", `Only ${allowed.join(", ")} ${allowed.length === 1 ? "is" : "are"} supported`);
    this.name = "MethodNotAllowedError";
  }
}

/** The write collides with the current state (a newer version, a taken unique value). */
export class ConflictError extends AppError {
  constructor(message: string, options: AppErrorOptions = {}) {
    super("conflict", message, options);
    this.name = "ConflictError";
  }
}

export class TooLargeError extends AppError {
  constructor(readonly limitBytes: number) {
    const limit = formatBytes(limitBytes);
    super("too_large", `The request body is larger than ${limit}`, { fields: [{ field: "body", message: `must be at most ${limit}` }], details: { limitBytes } });
    this.name = "TooLargeError";
  }
}

/** The input is readable but breaks the rules; every field at fault is named. */
export class ValidationError extends AppError {
  constructor(fields: FieldError[], message = describeFieldErrors(fields)) {
    super("invalid", message, { fields });
    this.name = "ValidationError";
  }
}

export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super("rate_limited", message, { retryAfterSeconds });
    this.name = "RateLimitedError";
  }
}

/** The database could not take the work now (SQLite busy or locked); the client should retry. */
export class BusyError extends AppError {
  constructor(message = "The database is busy; try again in a moment", retryAfterSeconds = 1, options: Omit<AppErrorOptions, "retryAfterSeconds"> = {}) {
    super("busy", message, { ...options, retryAfterSeconds });
    this.name = "BusyError";
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}

/** zod issues → [{ field: "sourceUrl", message: "must be an http(s) URL" }]. */
export function fieldErrors(error: z.ZodError, fallbackField = "body"): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ field: [...issue.path, key].join("."), message: "is not a known field" }))
      : [{ field: issue.path.join(".") || fallbackField, message: issue.message }],
  );
}

/** zod issues of a query string → the parameters at fault (by their top-level name). */
export function parameterErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ field: key, message: "is not a known parameter" }))
      : [{ field: String(issue.path[0] ?? "query"), message: issue.message }],
  );
}

export function describeFieldErrors(errors: FieldError[]): string {
  return errors.map((error) => `${error.field}: ${error.message}`).join("; ");
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(fieldErrors(result.error));
  return result.data;
}
