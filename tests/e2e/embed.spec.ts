import { execFileSync } from "node:child_process";
import type http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { publisherPage, startThirdPartySite, THIRD_PARTY_PORT } from "./support/third-party";

const APP = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
const PUBLISHER = `http://127.0.0.1:${THIRD_PARTY_PORT}`;

function recordStatus(slug: string, status: string, reason: string, sourceUrl?: string) {
  execFileSync("node_modules/.bin/tsx", ["tests/e2e/support/record-status.ts", slug, status, reason, ...(sourceUrl ? [sourceUrl] : [])], {
    env: { ...process.env, DATABASE_URL: "file:./tests/.tmp/e2e.db" },
    stdio: "pipe",
  });
}

let site: http.Server;
const snippets: string[] = [];
const pages: Record<string, string> = {};

test.beforeAll(async ({ request }) => {
  // The snippet exactly as the dashboard's "Embed this table" builds it is covered below; here
  // a publisher pastes two of them (and the script twice, as copy-paste does).
  snippets.push(
    `<div data-chancery-embed="host=UA&amp;city=Kyiv&amp;status=closed" data-title="Closed embassies in Kyiv"><a href="${APP}/countries/UA">Embassy status</a></div><script src="${APP}/embed.js" async></script>`,
    `<div data-chancery-embed="host=UA&amp;city=Kyiv&amp;columns=sending,status,reason&amp;theme=dark&amp;compact=1" data-title="All embassies in Kyiv"></div><script src="${APP}/embed.js" async></script>`,
  );
  pages["/article"] = publisherPage("News article", `<p>Embassies reacted to the warning.</p>${snippets.join("\n")}<p>End of article.</p>`);
  // The frame's load event fires once the browser has settled it (here: on its refusal page).
  pages["/frames-dashboard"] = publisherPage("Framing attempt", `<iframe title="Framed dashboard" src="${APP}/countries/UA" onload="document.body.dataset.framed = 'settled'"></iframe>`);
  site = await startThirdPartySite(pages);
  expect((await request.get(`${APP}/embed.js`)).ok()).toBe(true);
});

test.afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

const embedFrames = (page: Page) => page.locator("iframe[title]");

test("a third-party page embeds live, self-sizing, accessible tables", async ({ page }) => {
  await page.goto(`${PUBLISHER}/article`);
  await expect(embedFrames(page)).toHaveCount(2);
  const closed = page.frameLocator('iframe[title="Closed embassies in Kyiv"]');
  const all = page.frameLocator('iframe[title="All embassies in Kyiv"]');
  await expect(closed.getByRole("table")).toBeVisible();
  await expect(closed.getByRole("row").filter({ has: closed.getByRole("rowheader") })).toHaveCount(3);
  await expect(closed.getByRole("row", { name: /Italy/ })).toContainText("Closed");
  await expect(all.getByRole("row", { name: /United States of America/ })).toContainText("Expected after the closure ended");
  await expect(all.getByRole("columnheader")).toHaveText(["Country", "Status", "Reason"]);
  await expect(all.getByText(/Last updated .*(EET|EEST|GMT\+2|GMT\+3).*UTC/)).toBeVisible();
  await expect(all.getByRole("link", { name: "Full table and sources on Chancery" })).toHaveAttribute("href", `${APP}/countries/UA?city=Kyiv`);

  // Each iframe sizes itself to its own content (both start at 320 px).
  for (const title of ["Closed embassies in Kyiv", "All embassies in Kyiv"]) {
    const frame = page.locator(`iframe[title="${title}"]`);
    const inner = page.frameLocator(`iframe[title="${title}"]`).locator("html");
    await expect
      .poll(async () => {
        const outer = (await frame.boundingBox())?.height ?? 0;
        const content = await inner.evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
        return Math.abs(outer - content) <= 2 && outer !== 320;
      })
      .toBe(true);
  }
  const heights = await embedFrames(page).evaluateAll((frames) => frames.map((frame) => frame.getBoundingClientRect().height));
  expect(heights[1]).toBeGreaterThan(heights[0]! * 3);
  await expect(page.locator("iframe").first()).toHaveAttribute("sandbox", /allow-scripts/);
  await expectNoSeriousA11yViolations(page);
});

test("a status change shows in the embed within 5 seconds of the write", async ({ page }) => {
  await page.goto(`${PUBLISHER}/article`);
  const closed = page.frameLocator('iframe[title="Closed embassies in Kyiv"]');
  await expect(closed.getByRole("rowheader", { name: "Greece" })).toBeVisible();
  recordStatus("gr-embassy-kyiv", "open", "Reopened after the all-clear");
  const written = Date.now();
  await expect(async () => {
    await page.reload();
    await expect(closed.getByRole("row").filter({ has: closed.getByRole("rowheader") })).toHaveCount(2, { timeout: 500 });
  }).toPass({ timeout: 5000, intervals: [250] });
  expect(Date.now() - written).toBeLessThan(5000);
  await expect(closed.getByRole("rowheader", { name: "Greece" })).toHaveCount(0);
});

test("the dashboard refuses to be framed; the embed may be", async ({ page, request }) => {
  for (const path of ["/", "/countries/UA", "/missions/us-embassy-kyiv", "/search?q=kyiv"]) {
    const response = await request.get(`${APP}${path}`);
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
  const embed = await request.get(`${APP}/embed?host=UA`);
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");

  await page.goto(`${PUBLISHER}/frames-dashboard`);
  await expect(page.locator("body")).toHaveAttribute("data-framed", "settled");
  const framed = page.frameLocator('iframe[title="Framed dashboard"]');
  await expect(framed.getByRole("heading", { name: /Missions in/ })).toHaveCount(0);
});

test("the dashboard's embed builder makes a working snippet for the current filters", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: APP });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await page.goto(`${APP}/countries/UA?city=Kyiv&status=limited`);
  await page.getByText("Embed this table").click();
  await page.getByRole("checkbox", { name: "Reason" }).check();
  await page.getByRole("combobox", { name: "Theme" }).selectOption("dark");
  const code = page.getByRole("textbox", { name: "Embed code" });
  await expect(code).toHaveValue(/data-chancery-embed="host=UA&amp;city=Kyiv&amp;status=limited&amp;columns=sending%2Ccity%2Cstatus%2Csince%2Creason&amp;theme=dark"/);
  await expect(code).toHaveValue(new RegExp(`<script src="${APP.replace(/\./g, "\\.")}/embed\\.js" async></script>`));
  const preview = page.frameLocator('iframe[title="Preview of the embedded table"]');
  await expect(preview.getByRole("rowheader", { name: "Germany" })).toBeVisible();
  await expect(preview.getByRole("columnheader", { name: "Reason" })).toBeVisible();
  await page.getByRole("button", { name: "Copy embed code" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  await expectNoSeriousA11yViolations(page);
  expect(consoleErrors).toEqual([]);

  // The copied snippet works on another origin.
  pages["/copied"] = publisherPage("Copied snippet", snippet);
  await page.goto(`${PUBLISHER}/copied`);
  const embedded = page.frameLocator("iframe");
  await expect(embedded.getByRole("rowheader", { name: "Germany" })).toBeVisible();
  await expect(embedded.getByRole("columnheader", { name: "Reason" })).toBeVisible();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
});

test("hostile text in a status is inert in the dashboard, the embed, the feeds and the CSV", async ({ page, request }) => {
  const reason = `<script>window.__xss=1</script>"><img src=x onerror="window.__xss=2"> <a href="javascript:window.__xss=4">x</a>`;
  recordStatus("pl-embassy-kyiv", "limited", reason, "javascript:window.__xss=3");
  page.on("dialog", () => {
    throw new Error("a dialog opened");
  });
  for (const url of [`${APP}/missions/pl-embassy-kyiv`, `${APP}/countries/UA?city=Kyiv&q=poland`, `${APP}/embed?host=UA&columns=sending,status,reason,source&sending=PL`]) {
    await expect(async () => {
      await page.goto(url);
      await expect(page.getByText("window.__xss=1").first()).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 5000 });
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
    await expect(page.locator("img[src=x]")).toHaveCount(0);
  }
  const atom = await (await request.get(`${APP}/api/v1/changes.atom?sending=PL`)).text();
  expect(atom).toContain("&lt;script&gt;window.__xss=1&lt;/script&gt;");
  expect(atom).not.toMatch(/<script|<img|href="javascript:/);
  const feed = await (await request.get(`${APP}/api/v1/changes.json?sending=PL`)).json();
  expect(feed.items[0].content_text).toContain(reason);
  expect(feed.items[0]).not.toHaveProperty("content_html");
  expect(feed.items[0]).not.toHaveProperty("external_url");
  const csv = await (await request.get(`${APP}/api/v1/missions.csv?sending=PL&host=UA`)).text();
  expect(csv).toContain(`"${reason.replace(/"/g, '""')}"`);
});
