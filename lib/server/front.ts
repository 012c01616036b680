// The front process's request handler (decision 050): everything a request meets before the
// renderer process. Security headers and proxy trust for every request, the malformed-path
// check, hot paths and cacheable pages from the response cache (a miss is produced by the
// renderer, at most a few at a time: lib/server/admission.ts), and everything else (admin,
// writes, the streamed CSV, Next's assets) proxied to the renderer as streams. No Next and no
// database here: a render never blocks this event loop, and this heap holds only the cache.
import http from "node:http";
import { pipeline } from "node:stream";
import { BusyError } from "@/lib/errors";
import { applyProxyTrust } from "@/lib/http/client-ip";
import { isHotPath, isStreamedPath, METHOD_NOT_ALLOWED, PREFLIGHT } from "@/lib/http/hot-path-rules";
import { isNextErrorShell } from "@/lib/http/lite-html";
import { isDecodablePath, malformedPathResponse } from "@/lib/http/malformed-path";
import { publicOrigin } from "@/lib/http/origin";
import { isCacheablePageRequest, servePage, type PageRender } from "@/lib/http/page-cache";
import { errorResponse } from "@/lib/http/response";
import { cacheKey, type CachedResponse, type ProductionKind, type Produced, type ResponseCache } from "@/lib/http/response-cache";
import { sendResponse, sendWire } from "@/lib/http/send";
import { transportSecurityHeaders } from "@/lib/security/headers";
import { AdmissionRefused, type Admission } from "./admission";
import { ANSWER_HEADER, decodeAnswer, getWhole, PRODUCE_HEADER, type PageProduction } from "./renderer-protocol";

/** What the handler needs of the renderer: where it listens, once it does. */
export interface RendererLink {
  readonly socketPath: string;
  readonly agent: http.Agent;
  whenReady(): Promise<void>;
}

export interface FrontOptions {
  cache: ResponseCache;
  admission: Admission;
  renderer: RendererLink;
  trustProxy: number;
  publicOrigin: string | undefined;
}

// Connection-level headers are the hop's own; the next hop sets its own.
const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "te", "trailer"];

function withoutHopHeaders(headers: http.IncomingHttpHeaders): http.IncomingHttpHeaders {
  const copy = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

interface ParsedRequest {
  url: URL;
  key: string;
}
const MAX_PARSED = 10_000;

export function createFrontHandler({ cache, admission, renderer, trustProxy, publicOrigin: configuredOrigin }: FrontOptions): http.RequestListener {
  const everyResponseHeaders = Object.entries(transportSecurityHeaders(configuredOrigin));
  // Raw "host + URL" → parsed and normalised, so a hot request skips URL parsing and sorting.
  const parsedByRaw = new Map<string, ParsedRequest>();

  const refused = (error: unknown) => error instanceof AdmissionRefused;
  const busy = (req: http.IncomingMessage, res: http.ServerResponse, error: unknown) => {
    const message = refused(error) ? "The server is busy rendering other answers; try again in a moment" : "The server is restarting its renderer; try again in a moment";
    if (!refused(error)) console.error(`Could not answer ${req.url ?? ""} through the renderer:`, error);
    sendResponse(req, res, errorResponse(new BusyError(message, refused(error) ? (error as AdmissionRefused).retryAfterSeconds : 1)));
  };

  const produceHot = (rawUrl: string, host: string | undefined, kind: ProductionKind): Promise<Produced> =>
    admission.run(kind, async () => {
      await renderer.whenReady();
      const answer = await getWhole({ socketPath: renderer.socketPath, agent: renderer.agent, path: rawUrl, headers: { host: host ?? "localhost", [PRODUCE_HEADER]: "hot" } });
      return decodeAnswer(answer.headers[ANSWER_HEADER], answer.body);
    });

  const renderPage: PageRender = (path, host, locale, kind) =>
    admission.run(kind, async () => {
      await renderer.whenReady();
      const produce = async (production: PageProduction) => {
        const answer = await getWhole({
          socketPath: renderer.socketPath,
          agent: renderer.agent,
          path,
          headers: { host: host ?? "localhost", "accept-encoding": "identity", "accept-language": locale, [PRODUCE_HEADER]: production },
        });
        return { status: answer.status, headers: answer.headers, body: answer.body.toString("utf8") };
      };
      const lite = await produce("page");
      // Next's error shell draws its content from the payload: that one is asked for whole.
      return isNextErrorShell(lite.body) ? produce("page-with-payload") : lite;
    });

  /** Everything not answered here: to the renderer and back as streams, both ways. */
  const proxy = (req: http.IncomingMessage, res: http.ServerResponse) => {
    renderer.whenReady().then(() => {
      const upstream = http.request({ socketPath: renderer.socketPath, agent: renderer.agent, method: req.method, path: req.url, headers: withoutHopHeaders(req.headers) }, (response) => {
        res.writeHead(response.statusCode ?? 502, withoutHopHeaders(response.headers));
        pipeline(response, res, () => undefined);
      });
      // A client that goes first (a cancelled prefetch, a page left while its images load)
      // ends the child's request too; that hang-up is ours, not a renderer failure.
      res.on("close", () => upstream.destroy());
      upstream.on("error", (error) => (res.destroyed || res.headersSent ? res.destroy() : busy(req, res, error)));
      pipeline(req, upstream, () => undefined);
    }, (error: unknown) => busy(req, res, error));
  };

  const hot = (req: http.IncomingMessage, res: http.ServerResponse, rawUrl: string) => {
    const host = req.headers.host;
    const raw = `${host ?? ""} ${rawUrl}`;
    let parsed = parsedByRaw.get(raw);
    if (!parsed) {
      const url = new URL(rawUrl, "http://internal");
      parsed = { url, key: cacheKey(publicOrigin(host), url) };
      if (parsedByRaw.size >= MAX_PARSED) parsedByRaw.clear();
      parsedByRaw.set(raw, parsed);
    }
    const entry = cache.lookup(parsed.key, (kind) => produceHot(rawUrl, host, kind));
    if (!(entry instanceof Promise)) return sendWire(req, res, entry.response.status, entry.wire);
    entry.then(
      (produced: CachedResponse) => sendWire(req, res, produced.response.status, produced.wire),
      (error: unknown) => busy(req, res, error),
    );
  };

  return (req, res) => {
    for (const [name, value] of everyResponseHeaders) res.setHeader(name, value);
    applyProxyTrust(req.headers, req.socket.remoteAddress, trustProxy);
    // Only the front marks productions: a client's mark would be answered in the front's format.
    delete req.headers[PRODUCE_HEADER];
    const rawUrl = req.url ?? "/";
    const pathEnd = rawUrl.indexOf("?");
    const pathname = pathEnd === -1 ? rawUrl : rawUrl.slice(0, pathEnd);
    if (!isDecodablePath(pathname)) return sendResponse(req, res, malformedPathResponse(pathname));
    if (!isHotPath(pathname)) {
      if (isCacheablePageRequest(req, pathname, rawUrl)) return servePage(req, res, rawUrl, renderPage, (error) => (refused(error) ? busy(req, res, error) : proxy(req, res)), cache);
      return proxy(req, res);
    }
    const method = req.method ?? "GET";
    if (method === "OPTIONS") return sendResponse(req, res, PREFLIGHT);
    if (method !== "GET" && method !== "HEAD") return sendResponse(req, res, METHOD_NOT_ALLOWED);
    if (isStreamedPath(pathname)) return proxy(req, res);
    hot(req, res, rawUrl);
  };
}
