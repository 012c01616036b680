// The one mapping of errors to HTTP: a status per code (the only such table), the one JSON
// shape every refusal has (public API, embed, admin routes, login), documented in OpenAPI.
import { z } from "zod";
import { AppError, BusyError, ConflictError, ERROR_CODES, NotFoundError, type ErrorCode } from "@/lib/errors";
import { MissionNotFoundError, VersionConflictError } from "@/lib/missions/command-errors";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_large: 413,
  invalid: 422,
  rate_limited: 429,
  internal: 500,
  busy: 503,
};

const CODE_OF_STATUS = new Map(Object.entries(HTTP_STATUS).map(([code, status]) => [status, code as ErrorCode]));

export const FieldErrorSchema = z
  .object({ field: z.string().meta({ description: "The body field, query or path parameter at fault", example: "host" }), message: z.string() })
  .meta({ id: "FieldError" });

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).meta({ description: "Stable machine-readable kind of error; `status` follows from it" }),
      status: z.int().meta({ description: "The HTTP status, repeated" }),
      message: z.string().meta({ description: "For people; may change" }),
      fields: z.array(FieldErrorSchema).optional().meta({ description: "Every field or parameter at fault (always present for bad_request and invalid)" }),
      retryAfterSeconds: z.int().optional().meta({ description: "busy, rate_limited: when to try again (also sent as Retry-After)" }),
      details: z.record(z.string(), z.unknown()).optional().meta({ description: "Facts particular to the code, e.g. the current state after a conflict" }),
    }),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

interface PrismaKnownError {
  name: string;
  code: string;
  meta?: { target?: unknown; modelName?: string; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } };
}

/** The columns of a unique violation: in `target` without driver adapters, in the adapter's cause with them. */
function uniqueColumns(error: PrismaKnownError): string[] {
  const target = error.meta?.driverAdapterError?.cause?.constraint?.fields ?? error.meta?.target;
  const columns = Array.isArray(target) ? target.map((column) => String(column).replace(/^"|"$/g, "")) : typeof target === "string" ? [target] : [];
  return columns.length ? columns : ["body"];
}

function isPrismaKnownError(error: unknown): error is PrismaKnownError {
  return error instanceof Error && error.name === "PrismaClientKnownRequestError" && typeof (error as { code?: unknown }).code === "string";
}

const INTERNAL = new AppError("internal", "Internal error");

/**
 * SQLite's write lock held elsewhere for longer than a writer waits (lib/db/sqlite-adapter.ts):
 * SQLITE_BUSY, which Prisma reports as P1008, or a transaction that could not start in time.
 */
function isDatabaseBusy(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code)) return true;
  return isPrismaKnownError(error) && (code === "P1008" || (code === "P2028" && /unable to start a transaction/i.test(String(message))));
}

/** Any thrown value as the error to answer with; anything unforeseen becomes `internal`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof VersionConflictError) {
    return new ConflictError("Someone else changed this mission since you loaded it", {
      fields: [{ field: "expectedVersion", message: `is ${error.expectedVersion}, but the mission is now at version ${error.actualVersion}` }],
      details: { missionId: error.missionId, currentVersion: error.actualVersion },
    });
  }
  if (error instanceof MissionNotFoundError) {
    return new NotFoundError(error.message, { fields: [{ field: "id", message: `no mission ${error.missionId}` }] });
  }
  if (isDatabaseBusy(error)) return new BusyError("The database is busy with another write; try again in a moment", 1, { cause: error });
  if (isPrismaKnownError(error)) {
    // A unique value taken between our check and the write.
    if (error.code === "P2002") {
      const fields = uniqueColumns(error).map((field) => ({ field, message: "is already taken" }));
      return new ConflictError(`${fields.map((field) => field.field).join(", ")} is already taken`, { fields, cause: error });
    }
    if (error.code === "P2025") return new NotFoundError("The record does not exist (any more)", { cause: error });
  }
  return INTERNAL;
}

/** For callers that only have a status (e.g. the custom server's malformed URL). */
export function appErrorForStatus(status: number, message: string): AppError {
  return new AppError(CODE_OF_STATUS.get(status) ?? (status >= 500 ? "internal" : "bad_request"), message);
}

export function errorBody(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      status: HTTP_STATUS[error.code],
      message: error.message,
      ...(error.fields.length ? { fields: error.fields } : {}),
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      ...(error.details ? { details: error.details } : {}),
    },
  };
}
