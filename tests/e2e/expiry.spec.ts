import { expect, test, type Page } from "@playwright/test";
import { instantToWallTime } from "../../lib/zoned-time";
import { expectNoSeriousA11yViolations } from "./axe";
import { E2E_USERS } from "./global-setup";

// Each test waits for the schedule in real time and runs axe twice: more than the default budget.
test.describe.configure({ timeout: 90_000 });

const KYIV = "Europe/Kyiv";
const SLUG = "pl-embassy-kyiv";

async function logIn(page: Page) {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(E2E_USERS.editor.email);
  await page.getByLabel("Password").fill(E2E_USERS.editor.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Missions", level: 1 })).toBeVisible();
}

async function openPolishEmbassy(page: Page) {
  await page.goto("/admin?host=UA&city=Kyiv&sending=PL");
  await page.getByRole("link", { name: "Embassy, Kyiv" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Poland: Embassy, Kyiv");
}

async function reportStatus(page: Page, status: string, reason: string, until?: Date) {
  const form = page.getByRole("form", { name: "Change status" });
  await form.getByRole("radio", { name: status }).check();
  await form.getByLabel("Reason").fill(reason);
  await form.getByLabel("Source URL").fill(`https://example.org/${status.toLowerCase()}`);
  if (until) await form.getByLabel(/^Until/).fill(instantToWallTime(until, KYIV, { seconds: true }));
  const version = Number(/version (\d+)/.exec((await page.getByText(/version \d+/).first().textContent()) ?? "")?.[1] ?? NaN);
  await form.getByRole("button", { name: "Save status" }).click();
  // The page reloads its data after the write: the version shown moves on.
  await expect(page.getByText(`version ${version + 1}`)).toBeVisible();
}

test("an editor closes a Kyiv mission until a few seconds ahead; the page, the embed and the API then show it expected open, not confirmed", async ({ page, browser, request }) => {
  await logIn(page);
  await openPolishEmbassy(page);
  await expectNoSeriousA11yViolations(page);
  await reportStatus(page, "Open", "Open as usual");

  const until = new Date(Math.ceil((Date.now() + 6000) / 1000) * 1000);
  await reportStatus(page, "Closed", "Closed until the all-clear", until);
  // An anonymous reader, served from the in-memory page cache like any visitor.
  const reader = await (await browser.newContext()).newPage();
  const current = reader.getByRole("region", { name: "Current status" });
  await reader.goto(`/missions/${SLUG}`);
  await expect(current).toContainText("Closed");
  await expect(current).toContainText("Then Open, expected (not confirmed)");

  // The schedule ends it by itself; readers see it within 5 s of the moment.
  await expect(async () => {
    await reader.reload();
    await expect(current).toContainText("Expected after the closure ended at", { timeout: 500 });
  }).toPass({ timeout: until.getTime() - Date.now() + 5000, intervals: [250] });
  expect(Date.now() - until.getTime()).toBeLessThan(5000);
  await expect(current.getByText("Open", { exact: true })).toBeVisible();
  await expect(current).toContainText("No source has confirmed this status");
  const latest = reader.getByRole("region", { name: "History" }).getByRole("listitem").first();
  await expect(latest).toContainText("The closure ended; Open expected, not confirmed");
  await expect(latest).toContainText("Schedule");
  await expectNoSeriousA11yViolations(reader);

  const api = await (await request.get(`/api/v1/missions/${SLUG}/history`)).json();
  expect(api.mission).toMatchObject({ status: "open", expectedAfter: "closed", verifiedAt: null, statusSince: until.toISOString() });
  const [expiry, closure] = api.history;
  expect(closure).toMatchObject({ kind: "change", newStatus: "closed", until: until.toISOString(), follows: "open" });
  expect(expiry).toMatchObject({ kind: "expiry", previousStatus: "closed", newStatus: "open", effectiveAt: until.toISOString(), endsChangeId: closure.id, sourceUrl: null });

  await page.goto("/embed?host=UA&city=Kyiv&sending=PL");
  const poland = page.getByRole("row", { name: /Poland/ });
  await expect(poland).toContainText("Open");
  await expect(poland).toContainText("Expected after the closure ended");
});

test("an editor schedules a change from a notice, readers see it as upcoming, and the editor cancels it", async ({ page }) => {
  await logIn(page);
  await openPolishEmbassy(page);
  const year = new Date().getUTCFullYear() + 1;
  const schedule = page.getByRole("form", { name: "Schedule a change" });
  await schedule.getByRole("radio", { name: "Closed" }).check();
  await schedule.getByLabel("Reason").fill("Closed for the holidays");
  await schedule.getByLabel("Source URL").fill("https://example.org/holiday-notice");
  await schedule.getByLabel(/^Starts at/).fill(`${year}-12-24T00:00:00`);
  await schedule.getByLabel(/^Until/).fill(`${year}-12-27T00:00:00`);
  await schedule.getByRole("button", { name: "Schedule change" }).click();
  const pending = page.getByRole("list", { name: "Pending scheduled changes" }).getByRole("listitem");
  await expect(pending).toHaveCount(1);
  await expect(pending).toContainText(`24 Dec ${year}, 00:00`);
  await expect(pending).toContainText("then the previous status");
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/missions/${SLUG}`);
  const upcoming = page.getByRole("region", { name: "Upcoming" });
  await expect(upcoming).toContainText("Closed for the holidays");
  await expect(upcoming).toContainText(`until 27 Dec ${year}, 00:00`);

  await page.goBack();
  await pending.getByRole("button", { name: "Cancel scheduled change" }).click();
  await expect(page.getByRole("list", { name: "Pending scheduled changes" })).toHaveCount(0);
  await page.goto(`/missions/${SLUG}`);
  await expect(page.getByRole("region", { name: "Upcoming" })).toHaveCount(0);
});
