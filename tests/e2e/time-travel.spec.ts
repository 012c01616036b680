import { execFileSync } from "node:child_process";
import type http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { publisherPage, startThirdPartySite, THIRD_PARTY_PORT } from "./support/third-party";

const APP = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
const PUBLISHER = `http://127.0.0.1:${THIRD_PARTY_PORT}`;

function recordStatus(slug: string, status: string, reason: string) {
  execFileSync("node_modules/.bin/tsx", ["tests/e2e/support/record-status.ts", slug, status, reason], {
    env: { ...process.env, DATABASE_URL: "file:./tests/.tmp/e2e.db" },
    stdio: "pipe",
  });
}

const row = (page: Page, country: string) => page.getByRole("row", { name: new RegExp(country) });

test("the date control moves the Kyiv table through time", async ({ page }) => {
  await page.goto("/countries/UA?city=Kyiv&status=open,limited,closed");
  await expect(page.getByTestId("moment-banner")).toHaveCount(0);

  const control = page.getByRole("form", { name: "Go to a moment" });
  await control.getByLabel(/Show as it stood at/).fill("2024-11-19T12:00");
  await control.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/at=2024-11-19T12%3A00%3A00%2B02%3A00|at=2024-11-19T12:00:00\+02:00/);
  await expect(page.getByTestId("moment-banner")).toContainText("19 Nov 2024");
  await expect(page.getByTestId("moment-banner")).toContainText("UTC");
  for (const country of ["Italy", "Germany", "United States of America"]) await expect(row(page, country)).toContainText("Open");

  await control.getByLabel(/Show as it stood at/).fill("2024-11-20T10:00");
  await control.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/2024-11-20T10/);
  await expect(row(page, "Italy")).toContainText("Closed");
  await expect(row(page, "United States of America")).toContainText("Closed");
  await expect(row(page, "Germany")).toContainText("Limited");
  await expect(row(page, "United Kingdom")).toContainText("Open");
  await expectNoSeriousA11yViolations(page);

  // The filters keep the moment; the banner leads back to today.
  await page.getByRole("link", { name: "See today's statuses" }).click();
  await expect(page.getByTestId("moment-banner")).toHaveCount(0);
  await expect(page).not.toHaveURL(/at=/);
});

test("the mission page's date control shows the status and the history as they stood", async ({ page }) => {
  await page.goto("/missions/us-embassy-kyiv");
  const control = page.getByRole("form", { name: "Go to a moment" });
  await control.getByLabel(/Show as it stood at/).fill("2024-11-19T12:00");
  await control.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/at=2024-11-19T12/);
  const status = page.getByRole("region", { name: "Status at that moment" });
  await expect(status).toContainText("Open");
  await expect(page.getByRole("region", { name: "History" })).not.toContainText("Closed");

  await control.getByLabel(/Show as it stood at/).fill("2024-11-20T10:00");
  await control.getByRole("button", { name: "Show" }).click();
  await expect(status).toContainText("Closed");
  await expect(page.getByTestId("moment-banner")).toContainText("20 Nov 2024");
  await expectNoSeriousA11yViolations(page);
});

test("what changed between two moments lists the five Kyiv changes", async ({ page }) => {
  await page.goto(`/changes?host=UA&city=Kyiv&from=${encodeURIComponent("2024-11-19T12:00:00+02:00")}&to=${encodeURIComponent("2024-11-20T10:00:00+02:00")}`);
  await expect(page.getByRole("heading", { name: /5 missions changed/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Germany/ })).toContainText("Limited");
  await expect(page.getByRole("row", { name: /United Kingdom/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

let site: http.Server | undefined;
const pages: Record<string, string> = {};
test.afterAll(() => new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve())));

test("a frozen embed on a third-party page keeps its statuses after an editor changes one", async ({ page }) => {
  // The snippet as the builder makes it, frozen as at publication.
  await page.goto("/countries/UA?city=Kyiv&status=open,limited,closed");
  await page.getByText("Embed this table").click();
  await page.getByLabel(/As at publication/).check();
  const frozen = await page.getByLabel("Embed code").inputValue();
  expect(frozen).toContain("known=then");
  const live = `<div data-chancery-embed="host=UA&amp;city=Kyiv&amp;status=open,limited,closed" data-title="Live table"></div><script src="${APP}/embed.js" async></script>`;
  pages["/dated-article"] = publisherPage("Article of the day", `${frozen.replace("<div ", '<div data-title="Frozen table" ')}\n${live}`);
  site = await startThirdPartySite(pages);

  await page.goto(`${PUBLISHER}/dated-article`);
  const frozenFrame = page.frameLocator('iframe[title="Frozen table"]');
  const liveFrame = page.frameLocator('iframe[title="Live table"]');
  await expect(frozenFrame.getByRole("row", { name: /Italy/ })).toContainText("Closed");
  await expect(frozenFrame.getByText(/^As at/)).toBeVisible();
  await expect(frozenFrame.getByRole("link", { name: "See today's statuses" })).toHaveAttribute("href", `${APP}/countries/UA?city=Kyiv&status=open%2Climited%2Cclosed`);

  recordStatus("it-embassy-kyiv", "open", "Reopened (time-travel test)");
  try {
    await expect(async () => {
      await page.reload();
      await expect(liveFrame.getByRole("row", { name: /Italy/ })).toContainText("Open", { timeout: 500 });
    }).toPass({ timeout: 5000, intervals: [250] });
    await expect(frozenFrame.getByRole("row", { name: /Italy/ })).toContainText("Closed");
  } finally {
    recordStatus("it-embassy-kyiv", "closed", "Closed again (time-travel test restores the seed)");
  }
});
