// Plain HTML forms (they work without JavaScript, as the public pages do) post
// application/x-www-form-urlencoded; the same routes also take JSON. Nested fields are named
// with dots ("scope.kind").
import type { z } from "zod";
import { parseOrThrow } from "@/lib/errors";

export const isFormPost = (request: Request) => (request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded");

export function formToObject(bytes: Uint8Array): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(Buffer.from(bytes).toString("utf8"))) {
    if (value === "") continue;
    const path = name.split(".");
    let target = result;
    for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[path.at(-1)!] = value;
  }
  return result;
}

/** The body as the schema wants it, from a form or from JSON. */
export async function formOrJson<S extends z.ZodType>(
  context: { request: Request; bytes(): Promise<Uint8Array>; json<T extends z.ZodType>(schema: T): Promise<z.infer<T>> },
  schema: S,
): Promise<z.infer<S>> {
  if (isFormPost(context.request)) return parseOrThrow(schema, formToObject(await context.bytes()));
  return context.json(schema);
}

export const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
