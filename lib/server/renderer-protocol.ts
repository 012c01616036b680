// What the front process (server.ts) and the renderer process (server-renderer.ts) say to each
// other (decision 050). Over the renderer's Unix socket, HTTP: a hot-path miss is a GET marked
// with PRODUCE_HEADER, answered with ANSWER_HEADER (status, headers and cache tags, URI-encoded
// JSON) and the body, which the front caches; pages and everything else are ordinary requests.
// Over the IPC channel of the child process: the renderer's "ready" and every data change it
// learns of, so the front drops the tagged entries.
import http from "node:http";
import { z } from "zod";
import type { CacheTag } from "@/lib/http/cache-tags";
import type { Produced } from "@/lib/http/response-cache";

/**
 * Marks a request the front wants produced for its cache: "hot" (API, embed), "page" (a lite
 * page: its HTML without the inline RSC payload, decision 056) or "page-with-payload" (the same
 * page whole, asked for when the first answer was Next's error shell, which needs its payload).
 */
export const PRODUCE_HEADER = "x-chancery-produce";
export type PageProduction = "page" | "page-with-payload";
export const ANSWER_HEADER = "x-chancery-answer";

const TagSchema = z.string().regex(/^(?:\*|mission:\d+|host:[^\s,]+|sending:[^\s,]+)$/);
const AnswerSchema = z.object({
  status: z.int().min(100).max(599),
  headers: z.record(z.string(), z.string()),
  tags: z.array(TagSchema),
  precompress: z.boolean().optional(),
});

export function encodeAnswer({ response, tags, precompress }: Produced): string {
  return encodeURIComponent(JSON.stringify({ status: response.status, headers: response.headers, tags, precompress }));
}

/** The produced answer the renderer sent; throws when the header is missing or malformed. */
export function decodeAnswer(header: string | string[] | undefined, body: Buffer): Produced {
  if (typeof header !== "string") throw new Error(`The renderer answered without ${ANSWER_HEADER}`);
  const { status, headers, tags, precompress } = AnswerSchema.parse(JSON.parse(decodeURIComponent(header)));
  return { response: { status, headers, body: body.toString("utf8") }, tags: tags as CacheTag[], ...(precompress === undefined ? {} : { precompress }) };
}

const DataChangeSchema = z.object({
  missionIds: z.array(z.int()),
  hostCodes: z.array(z.string()),
  sendingCodes: z.array(z.string()),
  everything: z.boolean().optional(),
});

export const RendererMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("invalidate"), change: DataChangeSchema }),
]);
export type RendererMessage = z.infer<typeof RendererMessageSchema>;

/** A whole answer read from the renderer. */
export interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface UpstreamRequest {
  socketPath: string;
  agent: http.Agent;
  path: string;
  headers: http.OutgoingHttpHeaders;
}

/** A GET over the renderer's socket, read whole (node:http: the front has no other client). */
export function getWhole({ socketPath, agent, path, headers }: UpstreamRequest): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const request = http.request({ socketPath, agent, path, method: "GET", headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}
