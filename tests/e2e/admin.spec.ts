import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { E2E_USERS } from "./global-setup";

async function logIn(page: Page, who: keyof typeof E2E_USERS) {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login/);
  await page.getByLabel("Email").fill(E2E_USERS[who].email);
  await page.getByLabel("Password").fill(E2E_USERS[who].password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Missions", level: 1 })).toBeVisible();
}

async function newLoggedInPage(browser: Browser, who: keyof typeof E2E_USERS) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, who);
  return page;
}

async function changeStatus(page: Page, mission: string, status: string, reason: string, sourceUrl: string) {
  await page.getByRole("button", { name: `Change status of ${mission}` }).click();
  const form = page.getByRole("form", { name: "Change status" });
  await form.getByRole("radio", { name: status }).check();
  await form.getByLabel("Reason").fill(reason);
  await form.getByLabel("Source URL").fill(sourceUrl);
  await form.getByRole("button", { name: "Save status" }).click();
  return form;
}

const missionRow = (page: Page, country: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: country, exact: true }) });

test("an editor closes the US embassy in Kyiv with a source; the public page and history show it", async ({ page }) => {
  await logIn(page, "admin");
  // Kyiv has more missions than a page of the list (50): the US is on the second unless filtered.
  await page.goto("/admin?host=UA&city=Kyiv&sending=US");
  await expect(page.getByRole("cell", { name: /Embassy, Kyiv/ }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Seeded as expected open after its closure for the day ended: limit it, then close it again, each with a source.
  let form = await changeStatus(page, "United States of America, Kyiv", "Limited", "Consular section only", "https://example.org/us-limited");
  await expect(form).toBeHidden();
  await expect(missionRow(page, "United States of America")).toContainText("Limited");
  form = await changeStatus(page, "United States of America, Kyiv", "Closed", "Closed again: air-attack warning", "https://example.org/us-closed-again");
  await expect(form).toBeHidden();
  await expect(missionRow(page, "United States of America")).toContainText("Closed");
  await expect(missionRow(page, "United States of America")).toContainText("just now");

  await page.goto("/missions/us-embassy-kyiv");
  await expect(page.getByRole("region", { name: "Current status" })).toContainText("Closed again: air-attack warning");
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("listitem")).toHaveCount(5);
  await expect(history.getByRole("listitem").first()).toContainText("Closed again: air-attack warning");
  await expect(history.getByRole("link", { name: "example.org" }).first()).toHaveAttribute("href", "https://example.org/us-closed-again");

  await page.goto("/admin/audit");
  await expect(page.getByRole("row").filter({ hasText: "status.change" })).toHaveCount(2);
});

test("a bulk update applies one event to the selected missions", async ({ page }) => {
  await logIn(page, "editor");
  await page.goto("/admin?host=UA&city=Kyiv&sending=GB,DE");
  await page.getByRole("checkbox", { name: "Select United Kingdom, Kyiv" }).check();
  await page.getByRole("checkbox", { name: "Select Germany, Kyiv" }).check();
  const form = page.getByRole("form", { name: "Bulk update as one event" });
  await expect(form).toContainText("Update 2 selected missions");
  await form.getByLabel("Event name").fill("Drill, Kyiv");
  await form.getByRole("radio", { name: "Limited" }).check();
  await form.getByLabel("Reason").fill("Consular services suspended for a drill");
  await form.getByLabel("Source URL").fill("https://example.org/drill");
  await form.getByRole("button", { name: "Apply to 2 missions" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Event applied to 2 missions" })).toBeVisible();
  await page.getByRole("link", { name: "Drill, Kyiv" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Drill, Kyiv");
  await expect(page.getByRole("main")).toContainText("United Kingdom");
  await expect(page.getByRole("main")).toContainText("Germany");
});

test("two editors on the same mission: the second sees the conflict and can re-apply", async ({ browser }) => {
  const alice = await newLoggedInPage(browser, "admin");
  const bob = await newLoggedInPage(browser, "editor");
  for (const page of [alice, bob]) await page.goto("/admin?host=UA&city=Kyiv&sending=FR");
  await expect(missionRow(bob, "France")).toBeVisible();

  const aliceForm = await changeStatus(alice, "France, Kyiv", "Limited", "Visa section closed", "https://example.org/fr-limited");
  await expect(aliceForm).toBeHidden();
  const bobForm = await changeStatus(bob, "France, Kyiv", "Closed", "Staff evacuated", "https://example.org/fr-closed");
  const conflict = bobForm.getByRole("alert");
  await expect(conflict).toContainText("Conflict: someone else changed this mission");
  await expect(conflict).toContainText("Limited");
  await expect(conflict).toContainText("Visa section closed");
  // The optimistic "Closed" was rolled back.
  await expect(missionRow(bob, "France")).not.toContainText("Closed");
  await conflict.getByRole("button", { name: "Re-apply my change" }).click();
  await expect(bobForm).toBeHidden();
  await expect(missionRow(bob, "France")).toContainText("Closed");
  await alice.context().close();
  await bob.context().close();
});

test("after logging out, the admin and its write routes refuse", async ({ page }) => {
  await logIn(page, "editor");
  await page.getByRole("button", { name: "Log out", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login/);
  const response = await page.request.post("/api/admin/missions/1/status", {
    data: { status: "closed", reason: "x", sourceUrl: "https://example.org", expectedVersion: 0 },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(401);
});

test("a wrong password is refused with a readable message", async ({ page }) => {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(E2E_USERS.editor.email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is wrong" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("admin pages keep the nonce CSP and refuse framing", async ({ page }) => {
  const response = await page.goto("/admin/login");
  const csp = response!.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()["x-frame-options"]).toBe("DENY");
});

test("an admin dry-runs an import of the Kyiv rows: nothing new", async ({ page }) => {
  await logIn(page, "admin");
  await page.getByRole("link", { name: "Import" }).click();
  await page.getByLabel("File (CSV or JSON)").setInputFiles("prisma/seed-data/kyiv-missions.csv");
  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByRole("status").filter({ hasText: "unchanged" })).toHaveText("0 to add, 0 to update, 78 unchanged, 0 rejected");
  await expectNoSeriousA11yViolations(page);
});

test("an admin adds a mission, archives it, and manages a user", async ({ page }) => {
  await logIn(page, "admin");
  await page.getByRole("link", { name: "New mission" }).click();
  const form = page.getByRole("form", { name: "New mission" });
  await form.getByLabel("Sending country").selectOption("NZ");
  await form.getByLabel("Host country").selectOption("PL");
  await form.getByRole("textbox", { name: "City" }).fill("Kraków");
  await form.getByRole("combobox", { name: "Type" }).selectOption("honorary_consulate");
  await form.getByRole("textbox", { name: "Website" }).fill("not a url");
  await form.getByRole("button", { name: "Create mission" }).click();
  await expect(form.getByRole("alert")).toContainText("Website: must be an http(s) URL");
  await form.getByRole("textbox", { name: "Website" }).fill("https://example.org/nz-krakow");
  await form.getByRole("button", { name: "Create mission" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("New Zealand: Honorary consulate, Kraków");
  await page.getByRole("link", { name: "Public page" }).click();
  await expect(page).toHaveURL(/\/missions\/nz-honorary-consulate-krakow$/);
  await page.goBack();
  await page.getByRole("button", { name: "Archive mission" }).click();
  await expect(page.getByRole("button", { name: "Restore mission" })).toBeVisible();
  expect((await page.request.get("/missions/nz-honorary-consulate-krakow")).status()).toBe(404);

  await page.getByRole("link", { name: "Users" }).click();
  const add = page.getByRole("form", { name: "Add a user" });
  await add.getByRole("textbox", { name: "Email" }).fill("new-editor@example.org");
  await add.getByRole("textbox", { name: "Name" }).fill("New editor");
  await add.getByLabel("Password (12+ characters)").fill("a new editor password");
  await add.getByRole("button", { name: "Add user" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "new-editor@example.org" }) });
  await expect(row).toContainText("active");
  await row.getByRole("button", { name: "Deactivate new-editor@example.org" }).click();
  await expect(row).toContainText("deactivated");
  await expectNoSeriousA11yViolations(page);
});
