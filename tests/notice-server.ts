// A real HTTP server for the source-watching tests: serves feeds, GOV.UK-style and German-style
// JSON and web pages whose content the test changes, honours conditional GETs, records every
// request, and misbehaves on purpose (500, slow, 50 MB, redirects to forbidden addresses).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Resource {
  body: string;
  type: string;
  etag?: string;
  lastModified?: string;
  status?: number;
}

export interface RecordedRequest {
  path: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  userAgent: string | null;
}

const FIFTY_MB = 50 * 1024 * 1024;

export interface NoticeServer {
  origin: string;
  /** The same server by name (localhost): for allow-lists by host name. */
  namedOrigin: string;
  port: number;
  requests: RecordedRequest[];
  set(path: string, resource: Resource): void;
  requestsTo(path: string): RecordedRequest[];
  close(): Promise<void>;
}

export async function startNoticeServer(): Promise<NoticeServer> {
  const resources = new Map<string, Resource>();
  const requests: RecordedRequest[] = [];
  const open = new Set<import("node:net").Socket>();
  let port = 0;
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    requests.push({
      path,
      ifNoneMatch: request.headers["if-none-match"] ?? null,
      ifModifiedSince: request.headers["if-modified-since"] ?? null,
      userAgent: request.headers["user-agent"] ?? null,
    });
    if (path === "/slow") {
      // Headers now, the body never: the client's deadline has to end it.
      response.writeHead(200, { "content-type": "application/rss+xml" });
      response.write("<?xml version='1.0'?>");
      return;
    }
    if (path === "/huge" || path === "/huge-declared") {
      const headers: Record<string, string | number> = { "content-type": "application/rss+xml" };
      if (path === "/huge-declared") headers["content-length"] = FIFTY_MB;
      response.writeHead(200, headers);
      const chunk = Buffer.alloc(64 * 1024, "a");
      let sent = 0;
      const pump = () => {
        while (sent < FIFTY_MB && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
        response.end();
      };
      pump();
      return;
    }
    const redirect = /^\/redirect\/(\d+)$/.exec(path);
    if (redirect) {
      const left = Number(redirect[1]);
      response.writeHead(302, { location: left > 1 ? `/redirect/${left - 1}` : "/feed" }).end();
      return;
    }
    if (path === "/redirect-to-loopback") return void response.writeHead(302, { location: `http://127.0.0.1:${port}/feed` }).end();
    if (path === "/redirect-to-metadata") return void response.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    const resource = resources.get(path);
    if (!resource) return void response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    if (resource.status && resource.status !== 200) return void response.writeHead(resource.status, { "content-type": "text/plain" }).end("failure on purpose");
    const notModified =
      (resource.etag && request.headers["if-none-match"] === resource.etag) || (!resource.etag && resource.lastModified && request.headers["if-modified-since"] === resource.lastModified);
    const headers: Record<string, string> = { "content-type": resource.type };
    if (resource.etag) headers.etag = resource.etag;
    if (resource.lastModified) headers["last-modified"] = resource.lastModified;
    if (notModified) return void response.writeHead(304, headers).end();
    response.writeHead(200, headers).end(resource.body);
  });
  server.on("connection", (socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    namedOrigin: `http://localhost:${port}`,
    port,
    requests,
    set: (path, resource) => void resources.set(path, resource),
    requestsTo: (path) => requests.filter((request) => request.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const escapeXml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export interface FeedItem {
  guid: string;
  title: string;
  html: string;
  link: string;
  pubDate: Date;
}

/** A WordPress-style RSS 2.0 alert feed, as US embassy sites publish one per category. */
export function rssFeed(items: FeedItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Alerts – Embassy (test)</title>
  <link>https://embassy.test/category/alert/</link>
  <description>Security and emergency alerts</description>
  ${items
    .map(
      (item) => `<item>
    <title>${escapeXml(item.title)}</title>
    <link>${escapeXml(item.link)}</link>
    <dc:creator><![CDATA[Embassy]]></dc:creator>
    <pubDate>${item.pubDate.toUTCString()}</pubDate>
    <category><![CDATA[Alert]]></category>
    <guid isPermaLink="false">${escapeXml(item.guid)}</guid>
    <description><![CDATA[${item.html.slice(0, 80)}…]]></description>
    <content:encoded><![CDATA[${item.html}]]></content:encoded>
  </item>`,
    )
    .join("\n  ")}
</channel>
</rss>`;
}

/** GOV.UK Content API travel advice (the fields Chancery reads, in their real places). */
export function govukTravelAdvice(changeDescription: string, updatedAt: Date, summaryHtml = "<p>Read the full advice.</p>"): string {
  return JSON.stringify({
    base_path: "/foreign-travel-advice/ukraine",
    content_id: "00000000-0000-0000-0000-000000000000",
    document_type: "travel_advice",
    locale: "en",
    title: "Ukraine travel advice",
    public_updated_at: updatedAt.toISOString(),
    details: {
      change_description: changeDescription,
      alert_status: ["avoid_all_travel_to_whole_country"],
      parts: [
        { slug: "summary", title: "Summary", body: summaryHtml },
        { slug: "safety-and-security", title: "Safety and security", body: "<p>Air raid alerts happen across the country.</p>" },
      ],
    },
  });
}

/** Auswärtiges Amt open data: `response` keyed by content id, lastModified in seconds. */
export function aaTravelWarning(contentHtml: string, lastModified: Date): string {
  return JSON.stringify({
    response: {
      lastModified: Math.floor(lastModified.getTime() / 1000),
      contentList: ["201946"],
      "201946": {
        lastModified: Math.floor(lastModified.getTime() / 1000),
        effective: Math.floor(lastModified.getTime() / 1000),
        title: "Ukraine: Reise- und Sicherheitshinweise",
        countryCode: "UA",
        countryName: "Ukraine",
        warning: true,
        partialWarning: false,
        content: contentHtml,
      },
    },
  });
}

export function webPage(paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><title>News – Embassy (test)</title><style>p{}</style></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><h1>News</h1>${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join("")}</main>
<footer>© Embassy (test)</footer><script>var x = "The embassy is closed";</script></body></html>`;
}
