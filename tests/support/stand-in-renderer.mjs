// A real, small renderer child for tests/unit/renderer-process.test.ts: it speaks the renderer
// protocol (lib/server/renderer-protocol.ts) as server-renderer.ts does, without Next or a
// database. Each production says which one it was (`n`) and which process made it (`pid`).
// Control paths (reached through the front, which proxies them): POST /__invalidate?host=XX
// sends an invalidation over IPC; POST /__release lets held productions (/api/v1/held…, held
// the first time each is asked) finish; GET /__state tells what it produced and holds, and how
// many proxied requests to /__never (answered never) are waiting and were closed by the front.
import fs from "node:fs";
import http from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { socket: { type: "string" } } });
const socketPath = values.socket;
process.on("disconnect", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));

let productions = 0;
const held = [];
const heldBefore = new Set();
const never = { waiting: 0, closed: 0 };

function answer(res, { status, headers, tags }, body) {
  const header = encodeURIComponent(JSON.stringify({ status, headers, tags }));
  res.writeHead(200, { "x-chancery-answer": header, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function produceHot(req, res) {
  const url = new URL(req.url, "http://internal");
  const host = url.searchParams.get("host");
  const make = () => {
    const body = JSON.stringify({ path: req.url, n: ++productions, pid: process.pid });
    answer(res, { status: 200, headers: { "Content-Type": "application/json", ETag: `"${productions}"` }, tags: host ? [`host:${host}`] : ["*"] }, body);
  };
  if (url.pathname.startsWith("/api/v1/held") && !heldBefore.has(req.url)) {
    heldBefore.add(req.url);
    held.push(make);
    return;
  }
  make();
}

// /missions/error-shell… answers as Next does when a render fails after streaming began: a
// shell whose content is only in the RSC payload, which a "page" production goes without.
function renderPage(req, res, production) {
  const nonce = Buffer.from(String(Math.random())).toString("base64");
  productions++;
  const payload = production === "page" ? "" : `<script nonce="${nonce}">self.__next_f.push([1,"${production}"])</script>`;
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": `script-src 'nonce-${nonce}'` });
  if (req.url.startsWith("/missions/error-shell")) return res.end(`<!DOCTYPE html><html id="__next_error__"><body>${payload}</body></html>`);
  res.end(`<html><body><script nonce="${nonce}">${productions}</script><p>${req.url} ${process.pid}</p>${payload}</body></html>`);
}

const server = http.createServer((req, res) => {
  const produce = req.headers["x-chancery-produce"];
  if (produce === "hot") return produceHot(req, res);
  if (produce === "page" || produce === "page-with-payload") return renderPage(req, res, produce);
  const url = new URL(req.url, "http://internal");
  if (req.method === "POST" && url.pathname === "/__invalidate") {
    process.send({ type: "invalidate", change: { missionIds: [], hostCodes: [url.searchParams.get("host")], sendingCodes: [] } });
    res.end("sent");
    return;
  }
  if (req.method === "POST" && url.pathname === "/__release") {
    for (const make of held.splice(0)) make();
    res.end("released");
    return;
  }
  if (url.pathname === "/__state") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ productions, held: held.length, pid: process.pid, never }));
    return;
  }
  if (url.pathname === "/__never") {
    never.waiting++;
    res.on("close", () => {
      never.waiting--;
      never.closed++;
    });
    return;
  }
  // Anything else is what the front proxies: echoed, with what the front passed on.
  let length = 0;
  req.on("data", (chunk) => (length += chunk.length));
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "set-cookie": ["a=1", "b=2"] });
    res.end(JSON.stringify({ method: req.method, url: req.url, length, forwardedFor: req.headers["x-forwarded-for"] ?? null, produce: req.headers["x-chancery-produce"] ?? null }));
  });
});

fs.rmSync(socketPath, { force: true });
server.listen(socketPath, () => process.send({ type: "ready" }));
