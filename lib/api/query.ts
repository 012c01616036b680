// Query-string parsing for the API: repeated parameters join with commas, unknown ones are
// errors, and every error names its parameter.
import type { z } from "zod";

export type ParameterError = { parameter: string; message: string };

export function queryRecord(params: URLSearchParams): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, value] of params) record[key] = key in record ? `${record[key]},${value}` : value;
  return record;
}

export function parameterErrors(error: z.ZodError): ParameterError[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ parameter: key, message: "is not a known parameter" }))
      : [{ parameter: String(issue.path[0] ?? "query"), message: issue.message }],
  );
}
