import { expect, test, type Page } from "@playwright/test";
import { linkIn, rawHeader, startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { expectNoSeriousA11yViolations } from "./axe";
import { E2E_USERS } from "./global-setup";

// The "done when": a visitor subscribes to the US embassy in Kyiv, confirms from the
// mail, gets one mail when an editor closes it, and unsubscribes with one click.
test.describe.configure({ timeout: 90_000 });

// playwright.config.ts points the server's SMTP_URL here.
const E2E_SMTP_PORT = Number(process.env.E2E_PORT ?? 3100) + 2;
let smtp: SmtpSink;
test.beforeAll(async () => {
  smtp = await startSmtpSink({ port: E2E_SMTP_PORT });
});
test.afterAll(async () => {
  await smtp.close();
});

const pathOf = (url: URL) => url.pathname + url.search;

async function changeAsEditor(page: Page, to: "Closed" | "Limited") {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(E2E_USERS.editor.email);
  await page.getByLabel("Password").fill(E2E_USERS.editor.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Missions", level: 1 })).toBeVisible();
  await page.goto("/admin?host=UA&city=Kyiv&sending=US");
  await page.getByRole("link", { name: "Embassy, Kyiv" }).click();
  const form = page.getByRole("form", { name: "Change status" });
  await form.getByRole("radio", { name: to }).check();
  await form.getByLabel("Reason").fill(`${to} <for> the air-raid alert`);
  await form.getByLabel("Source URL").fill("https://example.org/us-closed");
  const version = Number(/version (\d+)/.exec((await page.getByText(/version \d+/).first().textContent()) ?? "")?.[1] ?? NaN);
  await form.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByText(`version ${version + 1}`)).toBeVisible();
}

test("a visitor subscribes to the US embassy in Kyiv, confirms from the mail, gets one mail when an editor closes it, and unsubscribes in one click", async ({ page, browser, request }) => {
  await page.goto("/missions/us-embassy-kyiv");
  const region = page.getByRole("region", { name: /Get a mail when this mission changes status/ });
  await expectNoSeriousA11yViolations(page);
  await region.getByLabel("Your email address").fill("traveller@example.org");
  await region.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { name: "Check your mail", level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const [confirmMail] = await smtp.waitForMails(1, 20_000);
  await page.goto(pathOf(linkIn(confirmMail!, "/subscriptions/confirm")));
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("status")).toContainText("Subscription confirmed");
  await expect(page.getByRole("listitem").filter({ hasText: "at once" })).toContainText("Kyiv");
  await expectNoSeriousA11yViolations(page);

  // A new status, whatever the specs before left (admin.spec closes this mission): a report of
  // the same status is a re-verification, which notifies nobody.
  const current = ((await (await request.get("/api/v1/missions/us-embassy-kyiv")).json()) as { status: string | null }).status;
  const to = current === "closed" ? "Limited" : "Closed";
  const editor = await (await browser.newContext()).newPage();
  await changeAsEditor(editor, to);
  const mails = await smtp.waitForMails(2, 20_000);
  const mail = mails[1]!;
  expect(mail.subject).toContain(to);
  expect(mail.text).toContain(`${to} <for> the air-raid alert`);
  expect(mail.html).toContain(`${to} &lt;for&gt; the air-raid alert`);
  expect(rawHeader(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  const unsubscribe = new URL(rawHeader(mail, "List-Unsubscribe")!.replace(/^<|>$/g, ""));

  // What a mail client does for RFC 8058: one POST, no cookies, no origin.
  const answer = await request.post(pathOf(unsubscribe), { form: { "List-Unsubscribe": "One-Click" } });
  expect(answer.status()).toBe(200);
  await page.goto(pathOf(linkIn(mail, "/subscriptions/manage")));
  await expect(page.getByText("There are no subscriptions for this link")).toBeVisible();
  // Exactly one mail about the change, none after.
  expect(smtp.mails).toHaveLength(2);
});
