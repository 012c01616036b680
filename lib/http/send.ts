// The custom server's one way to write an answer (API, embed, feeds and pages alike): a cached entry's precomputed bytes in the
// encoding the client accepts, 304 for a matching If-None-Match, no body for HEAD.
import type http from "node:http";
import { Readable, pipeline } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { createGzip } from "node:zlib";
import { isNotModified, type HttpResponse, type StreamedResponse } from "./response";
import type { Wire } from "./response-cache";

/** The best encoding the client accepts among those we hold (q=0 refuses one). */
export function acceptedEncoding(header: string | undefined, available: { br?: unknown; gzip?: unknown }): "br" | "gzip" | undefined {
  if (!header) return undefined;
  const accepts = (name: string) => new RegExp(`(?:^|,)\\s*${name}\\s*(?:;\\s*q=(?!0(?:\\.0*)?\\s*(?:,|$))[\\d.]+)?\\s*(?:,|$)`, "i").test(header);
  if (available.br && accepts("br")) return "br";
  if (available.gzip && accepts("gzip")) return "gzip";
  return undefined;
}

/** 304 when the request's validator matches a 200's ETag; true when it was sent. */
export function sendNotModified(req: http.IncomingMessage, res: http.ServerResponse, status: number, etag: string | undefined, headers: Record<string, string>): boolean {
  if (status !== 200 || !isNotModified(req.headers["if-none-match"], etag)) return false;
  res.writeHead(304, headers);
  res.end();
  return true;
}

/** Where every answer of the custom server is written: status, headers, and the body unless HEAD. */
export function sendBytes(req: http.IncomingMessage, res: http.ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer | undefined) {
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

export function sendWire(req: http.IncomingMessage, res: http.ServerResponse, status: number, wire: Wire) {
  if (sendNotModified(req, res, status, wire.headers.ETag, wire.notModifiedHeaders)) return;
  const encoding = acceptedEncoding(req.headers["accept-encoding"], wire);
  const chosen = (encoding && wire[encoding]) || wire;
  sendBytes(req, res, status, chosen.headers, chosen.body);
}

/** An answer that is not cached (errors, preflight): written as it is. */
export function sendResponse(req: http.IncomingMessage, res: http.ServerResponse, response: HttpResponse) {
  const bodyless = response.status === 304 || response.status === 204;
  sendBytes(req, res, response.status, bodyless ? response.headers : { ...response.headers, "Content-Length": String(Buffer.byteLength(response.body)) }, bodyless ? undefined : response.body);
}

/**
 * A streamed answer (decision 045): headers at once, then the body as it is produced, gzipped
 * on the fly when the client accepts it (streamed bodies are never precompressed), with the
 * socket's back-pressure slowing the reads. A failure mid-stream can only cut the body short.
 */
export function sendStreamed(req: http.IncomingMessage, res: http.ServerResponse, response: StreamedResponse) {
  const gzip = acceptedEncoding(req.headers["accept-encoding"], { gzip: true }) === "gzip";
  res.writeHead(response.status, gzip ? { ...response.headers, "Content-Encoding": "gzip" } : response.headers);
  if (req.method === "HEAD") {
    void response.stream.cancel();
    res.end();
    return;
  }
  const body = Readable.fromWeb(response.stream as NodeReadableStream<Uint8Array>);
  const done = (error: NodeJS.ErrnoException | null) => {
    if (error && error.code !== "ERR_STREAM_PREMATURE_CLOSE") console.error(`Failed while streaming ${req.url ?? ""}:`, error);
  };
  if (gzip) pipeline(body, createGzip(), res, done);
  else pipeline(body, res, done);
}
