// Freshness as readers and editors meet it, on the real date: the six statuses seeded from the
// report of 20 November 2024 are years old, so every view says they are not confirmed, and the
// verification queue lists them for an editor to re-check with the keyboard.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { E2E_USERS } from "./global-setup";

const SEEDED = ["Germany", "Greece", "Italy", "Spain", "United States of America", "United Kingdom"];

async function logIn(page: Page, who: keyof typeof E2E_USERS) {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(E2E_USERS[who].email);
  await page.getByLabel("Password").fill(E2E_USERS[who].password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Missions", level: 1 })).toBeVisible();
}

test("readers see in words, even with JavaScript off, that the seeded statuses are not confirmed", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/embed?host=UA&city=Kyiv&status=closed,limited");
  const spain = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Spain" }) });
  await expect(spain).toContainText("Closed");
  await expect(spain).toContainText("Not confirmed since 20 Nov 2024");

  await page.goto("/countries/UA?city=Kyiv");
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Spain" }) });
  await expect(row).toContainText("Not confirmed since 20 Nov 2024");
  await page.goto("/countries/UA?city=Kyiv&confirmed=1");
  await expect(page.getByRole("checkbox", { name: "Only statuses confirmed recently" })).toBeChecked();
  await expect(page.getByRole("table").getByRole("row").filter({ has: page.getByRole("rowheader") })).toHaveCount(0);

  await page.goto("/");
  const ukraine = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Ukraine" }) });
  await expect(ukraine).toContainText(/Confirmed recently:\s*0/);
  await expect(ukraine).toContainText(/Not confirmed recently:\s*\d/);
  await context.close();
});

test("an editor re-verifies a stale status from the queue with the keyboard, and it leaves the queue", async ({ page }) => {
  await logIn(page, "editor");
  await page.getByRole("link", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Verification queue", level: 1 })).toBeVisible();
  const queue = page.getByRole("list", { name: "Missions to check, most urgent first" });
  for (const country of SEEDED) await expect(queue.getByRole("listitem").filter({ hasText: country })).toHaveCount(1);
  await expect(queue.getByRole("listitem").filter({ hasText: "Spain" })).toContainText("Closed · not confirmed since 20 Nov 2024");
  const total = SEEDED.length;
  await expect(page.getByRole("status").filter({ hasText: "checked today" })).toHaveText(`0 of ${total} checked today`);
  await expectNoSeriousA11yViolations(page);

  // j moves to the next mission (from anywhere on the page), k back.
  const reverifyItaly = page.getByRole("button", { name: "Re-verify Italy, Kyiv" });
  await page.keyboard.press("j");
  const first = page.locator("[data-primary-action]").first();
  await expect(first).toBeFocused();
  await page.keyboard.press("j");
  await expect(page.locator("[data-primary-action]").nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(first).toBeFocused();
  for (let step = 0; step < total && !(await reverifyItaly.evaluate((button) => button === document.activeElement)); step++) await page.keyboard.press("j");
  await expect(reverifyItaly).toBeFocused();

  // Enter opens the form with the source field focused; Enter again saves.
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "Re-verify status" });
  await expect(form.getByLabel("Source URL")).toBeFocused();
  await page.keyboard.type("https://example.org/italy-still-closed");
  await page.keyboard.press("Enter");
  await expect(form).toBeHidden();
  await expect(queue.getByRole("listitem").filter({ hasText: "Italy" })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "checked today" })).toHaveText(`1 of ${total} checked today`);
  // Focus went to the mission that took Italy's place, ready for the next check.
  await expect(page.locator("[data-primary-action]:focus")).toHaveCount(1);

  // Readers see the confirmation within the caches' 5 s.
  await expect(async () => {
    await page.goto("/missions/it-embassy-kyiv");
    await expect(page.getByRole("region", { name: "Current status" })).toContainText(/Confirmed at \d\d:\d\d/, { timeout: 500 });
  }).toPass({ timeout: 5000, intervals: [250] });
  // The queue stays as it was left after a reload.
  await page.goto("/admin/verify");
  await expect(queue.getByRole("listitem")).toHaveCount(total - 1);
});

test("an admin sets a host's freshness policy on an accessible page", async ({ page }) => {
  await logIn(page, "admin");
  await page.getByRole("link", { name: "Freshness" }).click();
  await expect(page.getByRole("heading", { name: "Freshness", level: 1 })).toBeVisible();
  const ukraine = page.getByRole("form", { name: /Ukraine/ });
  await expect(ukraine.getByLabel("Closed: stale after (h)")).toHaveAttribute("placeholder", "24 (default)");
  await expectNoSeriousA11yViolations(page);
  await ukraine.getByLabel("Closed: stale after (h)").fill("0");
  await ukraine.getByRole("button", { name: "Save Ukraine" }).click();
  await expect(ukraine.getByRole("alert")).toContainText("Closed: stale after: must be at least 1 hour");
  // The defaults again, saved explicitly: nothing that other specs read changes.
  await ukraine.getByLabel("Closed: stale after (h)").fill("");
  await ukraine.getByRole("button", { name: "Save Ukraine" }).click();
  await expect(ukraine).toContainText("Saved the policy for Ukraine.");
});
