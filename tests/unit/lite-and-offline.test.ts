import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { liteHtml, SERVICE_WORKER_REGISTRATION } from "@/lib/http/lite-html";
import { pageEtag, pageRevalidationHeaders } from "@/lib/http/page-revalidation";
import type { CachedResponse } from "@/lib/http/response-cache";
import { offlineBannerText, withOfflineBanner } from "@/lib/offline/banner";
import { isKeepablePath, isKeepableResponse } from "@/lib/offline/cache-rules";

const CSP = "default-src 'self'; script-src 'self' 'nonce-abc123==' 'strict-dynamic'";
// The shape of a Next 16 render: preloads in the head, runtime scripts and the inline RSC payload.
const NEXT_PAGE =
  `<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="abc123=="/>` +
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js" nonce="abc123=="/>` +
  `<link rel="modulepreload" href="/_next/static/chunks/c.js"/><script src="/_next/static/chunks/d.js" async="" nonce="abc123=="></script>` +
  `<title>Missions in Kyiv</title></head><body><main><p>Reason: &lt;script&gt;alert(1)&lt;/script&gt;</p>` +
  `<textarea>&lt;script src=&quot;x&quot;&gt;&lt;/script&gt;</textarea>` +
  `<script src="/enhance/embed-builder.js" nonce="abc123==" defer="" data-lite-keep=""></script></main>` +
  `<script nonce="abc123==">(self.__next_f=self.__next_f||[]).push([0])</script><script nonce="abc123==">self.__next_f.push([1,"big payload"])</script></body></html>`;

describe("liteHtml", () => {
  it("drops Next's scripts, script preloads and RSC payload, keeping styles, text and kept scripts", () => {
    const lite = liteHtml(NEXT_PAGE, CSP);
    expect(lite).not.toMatch(/_next\/static\/chunks\/[bcd]\.js/);
    expect(lite).not.toContain("__next_f");
    expect(lite).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(lite).toContain("<title>Missions in Kyiv</title>");
    // Escaped text that looks like a script is content, and stays.
    expect(lite).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(lite).toContain("<textarea>&lt;script src=&quot;x&quot;&gt;&lt;/script&gt;</textarea>");
    expect(lite).toContain('data-lite-keep=""></script>');
    expect(lite).toMatch(new RegExp(`<script src="${SERVICE_WORKER_REGISTRATION}" nonce="abc123==" defer></script></body></html>$`));
    expect(lite.match(/<script\b/g)).toHaveLength(2);
  });

  it("leaves a response alone when it is not a whole page or has no nonce to give", () => {
    expect(liteHtml('{"a":"<script></script>"}', CSP)).toBe('{"a":"<script></script>"}');
    expect(liteHtml(NEXT_PAGE, "default-src 'self'")).toBe(NEXT_PAGE);
    const errorShell = NEXT_PAGE.replace('<html lang="en">', '<html id="__next_error__">');
    expect(liteHtml(errorShell, CSP)).toBe(errorShell);
  });

  it("never leaves an executable script of Next's, whatever text sits between them", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 6 }), (texts) => {
        const escaped = texts.map((text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
        const html = `<html><body>${escaped.map((text) => `<p>${text}</p><script nonce="n1">self.__next_f.push(${JSON.stringify(text)})</script>`).join("")}</body></html>`;
        const lite = liteHtml(html, "script-src 'nonce-n1'");
        expect(lite).not.toContain("__next_f");
        for (const text of escaped) expect(lite).toContain(`<p>${text}</p>`);
      }),
    );
  });
});

describe("page revalidation", () => {
  const entry = (body: string, status = 200, nonce = "9x"): CachedResponse => ({ response: { status, headers: { "content-security-policy": `script-src 'nonce-${nonce}'` }, body }, tags: ["*"], storedAt: 0, wire: { body: Buffer.from(body), headers: {}, notModifiedHeaders: {} } });

  it("gives one ETag to renders that differ only by their nonce, another to other content", () => {
    const a = entry(`<p>Open</p><script nonce="9x"></script>`);
    const b = entry(`<p>Open</p><script nonce="other"></script>`, 200, "other");
    expect(pageEtag(a)).toBe(pageEtag(b));
    expect(pageEtag(entry(`<p>Shut</p><script nonce="9x"></script>`))).not.toBe(pageEtag(a));
    expect(pageRevalidationHeaders(a)).toEqual({ "cache-control": "no-cache", etag: pageEtag(a) });
    expect(pageRevalidationHeaders(entry("missing", 404))).toEqual({});
  });
});

describe("the offline banner", () => {
  const fetched = new Date("2026-12-01T14:05:00Z");
  it("says when the statuses are from and how old they are", () => {
    expect(offlineBannerText(fetched, new Date("2026-12-01T16:10:00Z"), "UTC")).toBe("You are offline — statuses as of 14:05 (2 hours ago)");
    expect(offlineBannerText(fetched, new Date("2026-12-01T14:05:20Z"), "UTC")).toBe("You are offline — statuses as of 14:05 (just now)");
    expect(offlineBannerText(fetched, new Date("2026-12-01T14:17:00Z"), "UTC")).toBe("You are offline — statuses as of 14:05 (12 minutes ago)");
    expect(offlineBannerText(fetched, new Date("2026-12-04T09:00:00Z"), "UTC")).toBe("You are offline — statuses as of 1 Dec 14:05 (2 days ago)");
    expect(offlineBannerText(fetched, new Date("2026-12-01T16:10:00Z"), "Europe/Kyiv")).toBe("You are offline — statuses as of 16:05 (2 hours ago)");
  });

  it("goes first in the body, and nowhere when there is no body", () => {
    const html = withOfflineBanner('<html><head></head><body class="x"><main>t</main></body></html>', fetched, new Date("2026-12-01T16:10:00Z"), "UTC");
    expect(html).toContain('<body class="x"><p class="offline-banner" role="status" data-offline-banner="">You are offline — statuses as of 14:05 (2 hours ago)</p><main>');
    expect(withOfflineBanner('{"data":[]}', fetched, new Date(), "UTC")).toBe('{"data":[]}');
  });
});

describe("what the service worker keeps", () => {
  const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });

  it("never the editor's side or sign-in", () => {
    for (const path of ["/admin", "/admin/login", "/admin/missions/3", "/api/admin/missions", "/api/auth/login", "/serwist/sw.js"]) expect(isKeepablePath(path), path).toBe(false);
    for (const path of ["/", "/countries/UA", "/api/v1/missions", "/flags/UA.svg", "/administrators", "/_next/static/chunks/a.css"]) expect(isKeepablePath(path), path).toBe(true);
  });

  it("only plain successful answers, never one rendered for a cookie (no-store) or private", () => {
    expect(isKeepableResponse({ status: 200, type: "basic", headers: headers({ "cache-control": "no-cache" }) })).toBe(true);
    expect(isKeepableResponse({ status: 200, type: "basic", headers: headers({}) })).toBe(true);
    expect(isKeepableResponse({ status: 200, type: "basic", headers: headers({ "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" }) })).toBe(false);
    expect(isKeepableResponse({ status: 200, type: "basic", headers: headers({ "cache-control": "private" }) })).toBe(false);
    expect(isKeepableResponse({ status: 200, type: "opaque", headers: headers({}) })).toBe(false);
    expect(isKeepableResponse({ status: 404, type: "basic", headers: headers({}) })).toBe(false);
    expect(isKeepableResponse({ status: 200, type: "basic", headers: headers({ "set-cookie": "a=b" }) })).toBe(false);
  });
});
