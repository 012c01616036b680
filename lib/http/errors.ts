import type { z } from "zod";

/** An error a route turns into a JSON answer with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export interface FieldError {
  field: string;
  message: string;
}

/** zod issues → [{ field: "sourceUrl", message: "must be an http(s) URL" }]. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.join(".") || "body", message: issue.message }));
}

export function describeFieldErrors(errors: FieldError[]): string {
  return errors.map((error) => `${error.field}: ${error.message}`).join("; ");
}

export class ValidationError extends HttpError {
  constructor(readonly fields: FieldError[]) {
    super(422, describeFieldErrors(fields), { fields });
    this.name = "ValidationError";
  }
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(fieldErrors(result.error));
  return result.data;
}
