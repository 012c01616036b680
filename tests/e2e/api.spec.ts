import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";

test("the API answers cross-origin with ETags, 304s and short shared-cache lifetimes", async ({ request }) => {
  const first = await request.get("/api/v1/missions?host=UA&status=closed", { headers: { Origin: "https://news.example" } });
  expect(first.status()).toBe(200);
  const headers = first.headers();
  expect(headers["access-control-allow-origin"]).toBe("*");
  expect(headers["cache-control"]).toBe("public, max-age=0, s-maxage=2, stale-while-revalidate=2");
  // Italy, Spain, Greece: the US closure "for the day" has ended (expected open, not confirmed).
  expect((await first.json()).data).toHaveLength(3);
  const again = await request.get("/api/v1/missions?status=closed&host=UA", { headers: { "If-None-Match": headers.etag ?? "" } });
  expect(again.status()).toBe(304);
  expect(again.headers().etag).toBe(headers.etag);

  const preflight = await request.fetch("/api/v1/missions", { method: "OPTIONS", headers: { Origin: "https://news.example", "Access-Control-Request-Method": "GET" } });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-methods"]).toContain("GET");
  expect((await request.post("/api/v1/missions")).status()).toBe(405);

  const bad = await request.get("/api/v1/missions?status=shut");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields[0].field).toBe("status");
  expect((await request.get("/api/v1/missions/no-such-mission")).status()).toBe(404);

  const openapi = await request.get("/api/v1/openapi.json");
  expect((await openapi.json()).openapi).toBe("3.1.0");
  const badge = await request.get("/api/v1/missions/it-embassy-kyiv/badge.svg");
  expect(badge.headers()["content-type"]).toContain("image/svg+xml");
  expect(await badge.text()).toContain("Closed");
});

test("the embed is small: under 15 KB gzipped HTML and 5 KB of script", async ({ request }) => {
  const html = await request.get("/embed?host=UA&city=Kyiv&columns=sending,city,type,status,since,reason,source,verified", { headers: { "Accept-Encoding": "gzip" } });
  expect(html.headers()["content-encoding"]).toBe("gzip");
  expect(Number(html.headers()["content-length"])).toBeLessThan(15 * 1024);
  for (const script of ["/embed.js", "/embed/resize.js"]) {
    expect((await (await request.get(script)).body()).length, script).toBeLessThan(5 * 1024);
  }
});

test("the embed reads well with JavaScript off", async ({ browser, page: withScripts }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/embed?host=UA&city=Kyiv&status=closed,limited");
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByRole("row").filter({ has: page.getByRole("rowheader") })).toHaveCount(4);
  await expect(page.getByRole("link", { name: "Full table and sources on Chancery" })).toBeVisible();
  await context.close();
  // axe needs scripts; the markup is the same.
  for (const theme of ["light", "dark"]) {
    await withScripts.goto(`/embed?host=UA&city=Kyiv&status=closed,limited&columns=sending,status,reason,source,verified&theme=${theme}`);
    await expectNoSeriousA11yViolations(withScripts);
  }
});

test("people can read the API documentation", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Open data API and embeds" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Open data API" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "GET /api/v1/missions", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "OpenAPI 3.1 document" })).toHaveAttribute("href", "/api/v1/openapi.json");
  await expectNoSeriousA11yViolations(page);
});
