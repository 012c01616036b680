// Bounded reads (decision 026): a host's table shows PUBLIC_PAGE_SIZE rows a page, and plain links lead
// through the rest, with JavaScript off. The 298 missions in the United States come from the
// world file, imported by an admin as a user would (so this runs in the "admin" project, after
// the specs that count the seeded rows).
import fs from "node:fs";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";
import { PUBLIC_PAGE_SIZE } from "@/lib/missions/page-sizes";
import { expectNoSeriousA11yViolations } from "./axe";
import { E2E_USERS } from "./global-setup";

const WORLD_FILE = "tests/fixtures/embassies-2022-11-16.csv.gz";

/** The world file's header and its rows hosted in the United States. */
function usRows(): Buffer {
  const [header = "", ...lines] = zlib.gunzipSync(fs.readFileSync(WORLD_FILE)).toString("utf8").split("\n");
  const country = header.split(";").indexOf("country");
  return Buffer.from([header, ...lines.filter((line) => line.split(";")[country] === "United States of America")].join("\n"));
}

test.describe("a host's table, page by page, with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("an admin imports the US missions; a reader pages through all of them exactly once", async ({ page, request, baseURL, browser }) => {
    // An import of 298 rows, three pages and an axe scan of a full table on a shared machine.
    test.setTimeout(120_000);
    const origin = { Origin: baseURL ?? "" };
    const login = await request.post("/api/auth/login", { data: { email: E2E_USERS.admin.email, password: E2E_USERS.admin.password }, headers: origin });
    expect(login.status()).toBe(200);
    const imported = await request.post("/api/admin/import?mode=apply", { data: usRows(), headers: { ...origin, "Content-Type": "text/csv" } });
    expect(imported.status(), await imported.text()).toBe(200);

    await page.goto("/countries/US");
    const status = page.getByRole("status").filter({ hasText: "matching missions" });
    const total = Number((await status.textContent())?.match(/of (\d+) matching/)?.[1]);
    expect(total).toBeGreaterThan(200);
    const seen: string[] = [];
    let secondPage = "";
    for (let pages = 1; ; pages++) {
      const links = await page.getByRole("table").locator('tbody a[href^="/missions/"]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
      expect(links.length).toBeLessThanOrEqual(PUBLIC_PAGE_SIZE);
      seen.push(...links);
      if (pages === 2) secondPage = page.url();
      const next = page.getByRole("navigation", { name: "Pages of results" }).getByRole("link", { name: /^Next/ });
      if (!(await next.count())) break;
      expect(links).toHaveLength(PUBLIC_PAGE_SIZE);
      await next.click();
      await expect(page).toHaveURL(/[?&]after=/);
      await expect(page.getByRole("link", { name: "First page" })).toBeVisible();
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);

    await page.getByRole("link", { name: "First page" }).click();
    await expect(page).not.toHaveURL(/after=/);
    expect(await page.getByRole("table").locator('tbody a[href^="/missions/"]').first().getAttribute("href")).toBe(seen[0]);

    // axe runs in the page, so with JavaScript on: a later page with its page links.
    const withScripts = await browser.newContext({ javaScriptEnabled: true });
    const scanned = await withScripts.newPage();
    await scanned.goto(secondPage);
    await expectNoSeriousA11yViolations(scanned);
    await withScripts.close();
  });
});
