// Validates API bodies against the generated OpenAPI document, as a consumer's client would.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { createOpenApiDocument } from "@/lib/api/openapi";

export const openApiDocument = createOpenApiDocument();
export const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(openApiDocument as object, "openapi");

const escapePointer = (part: string) => part.replace(/~/g, "~0").replace(/\//g, "~1");

/** Validates a body against the documented response schema of a path, status and media type. */
export function expectDocumented(path: string, status: number, body: unknown, mediaType = "application/json") {
  const pointer = ["paths", path, "get", "responses", String(status), "content", mediaType, "schema"].map(escapePointer).join("/");
  const validate = ajv.getSchema(`openapi#/${pointer}`);
  if (!validate) throw new Error(`No documented schema for ${path} ${status} ${mediaType}`);
  const valid = validate(body);
  expect(validate.errors ?? [], `${path} ${status}`).toEqual([]);
  expect(valid).toBe(true);
}

/** The documented query parameters of a GET path, by name (each with its JSON Schema). */
export function documentedQuery(path: string): Map<string, { enum?: unknown[]; type?: string }> {
  const operation = (openApiDocument.paths as Record<string, { get?: { parameters?: Array<{ in: string; name: string; schema?: { enum?: unknown[]; type?: string } }> } }>)[path]?.get;
  if (!operation) throw new Error(`No documented GET ${path}`);
  return new Map((operation.parameters ?? []).filter((parameter) => parameter.in === "query").map((parameter) => [parameter.name, parameter.schema ?? {}]));
}
