// The serving process's side of the render process (decision 037): a hot path's answer asked
// over its socket, and every request the serving process does not answer itself passed on whole.
import http from "node:http";
import type { CacheTag } from "@/lib/http/cache-tags";
import type { HotProducer } from "@/lib/http/hot-paths";
import { errorResponse } from "@/lib/http/response";
import type { Produced } from "@/lib/http/response-cache";
import { BusyError } from "@/lib/errors";
import { ORIGIN_HEADER, PRODUCE_HEADER, TAGS_HEADER, TagsSchema } from "./render-protocol";
import type { RenderTarget } from "./render-process";

// Kept-alive connections to the render process's socket.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
/** Per connection, not per message: never passed on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);
/** What the produced answer's own headers never include: Node writes these itself. */
const TRANSPORT = new Set([...HOP_BY_HOP, "date", "content-length", TAGS_HEADER]);

const unavailable = () => errorResponse(new BusyError("The server is restarting; try again in a moment", 1));

/** Headers as the render process wrote them: the produced answers' spelling (`ETag`) is kept. */
function ownHeaders(rawHeaders: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]!;
    if (!TRANSPORT.has(name.toLowerCase())) headers[name] = rawHeaders[index + 1]!;
  }
  return headers;
}

/** Hot paths answered by the render process; while none is ready, 503 (never cached). */
export function producerVia(target: () => Promise<RenderTarget>): HotProducer {
  return async (origin, url) => {
    try {
      const { socketPath } = await target();
      return await new Promise<Produced>((resolve, reject) => {
        const request = http.request({ socketPath, agent, method: "GET", path: url.pathname + url.search, headers: { [PRODUCE_HEADER]: "1", [ORIGIN_HEADER]: origin } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            const tags = TagsSchema.parse(JSON.parse(String(response.headers[TAGS_HEADER] ?? "[]"))) as CacheTag[];
            resolve({ response: { status: response.statusCode ?? 500, headers: ownHeaders(response.rawHeaders), body: Buffer.concat(chunks).toString("utf8") }, tags });
          });
        });
        request.on("error", reject);
        request.end();
      });
    } catch (error) {
      console.error(`The render process did not answer ${url.pathname}:`, error instanceof Error ? error.message : error);
      return { response: unavailable(), tags: [] };
    }
  };
}

/** Passes the request on to the render process (Next) as it came, and its answer back as it goes. */
export function passOn(target: () => Promise<RenderTarget>, req: http.IncomingMessage, res: http.ServerResponse) {
  const headers = { ...req.headers };
  for (const name of HOP_BY_HOP) delete headers[name];
  const fail = (error: unknown) => {
    console.error(`The render process did not answer ${req.method} ${req.url}:`, error instanceof Error ? error.message : error);
    if (res.headersSent) return void res.destroy();
    const { status, headers: errorHeaders, body } = unavailable();
    res.writeHead(status, { ...errorHeaders, "Content-Length": String(Buffer.byteLength(body)) });
    res.end(body);
  };
  target().then(({ socketPath }) => {
    const upstream = http.request({ socketPath, agent, method: req.method, path: req.url, headers }, (answer) => {
      const passed: string[] = [];
      for (let index = 0; index < answer.rawHeaders.length; index += 2) {
        if (!HOP_BY_HOP.has(answer.rawHeaders[index]!.toLowerCase())) passed.push(answer.rawHeaders[index]!, answer.rawHeaders[index + 1]!);
      }
      res.writeHead(answer.statusCode ?? 502, passed);
      answer.pipe(res);
      answer.on("error", () => res.destroy());
    });
    upstream.on("error", fail);
    // A client that goes away stops the work it asked for.
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  }, fail);
}
