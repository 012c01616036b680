// A "publisher" site on another localhost port, for embedding and framing tests.
import http from "node:http";

export const THIRD_PARTY_PORT = Number(process.env.E2E_THIRD_PARTY_PORT ?? 3201);

export function startThirdPartySite(pages: Record<string, string>): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const page = pages[req.url ?? "/"];
    res.writeHead(page ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
    res.end(page ?? "Not found");
  });
  return new Promise((resolve) => server.listen(THIRD_PARTY_PORT, "127.0.0.1", () => resolve(server)));
}

export const publisherPage = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
