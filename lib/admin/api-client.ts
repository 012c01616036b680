// Client-side calls to the admin routes; every non-2xx answer becomes an ApiError.
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get fields(): FieldError[] {
    return Array.isArray(this.body.fields) ? (this.body.fields as FieldError[]) : [];
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
    const message = typeof json.error === "string" ? json.error : `The server answered ${response.status}`;
    throw new ApiError(response.status, message, json);
  }
  return json as T;
}

/** A failed zod parse as the field errors the forms show. */
export function fieldErrorsOf(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join("."), message: issue.message }));
}
