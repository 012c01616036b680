// Watching a source end to end in Chromium: an admin adds a real (local) alert feed, a new
// closure alert appears in it, the proposal reaches the verification queue, an editor accepts it
// in one click, and the public API and the embed show the change with the notice as its source.
import { expect, test, type Page } from "@playwright/test";
import { rssFeed, startNoticeServer, type FeedItem, type NoticeServer } from "../notice-server";
import { expectNoSeriousA11yViolations } from "./axe";
import { E2E_USERS } from "./global-setup";

let server: NoticeServer;
test.beforeAll(async () => {
  server = await startNoticeServer();
});
test.afterAll(() => server.close());

async function logIn(page: Page, who: keyof typeof E2E_USERS) {
  await page.goto("/admin");
  await page.getByLabel("Email").fill(E2E_USERS[who].email);
  await page.getByLabel("Password").fill(E2E_USERS[who].password);
  await page.getByRole("button", { name: "Log in" }).click();
  // argon2id on a machine shared with other work can take seconds.
  await expect(page.getByRole("heading", { name: "Missions", level: 1 })).toBeVisible({ timeout: 20_000 });
}

const routine: FeedItem = { guid: "jp-routine", title: "Consular office hours", html: "<p>Our office hours for the winter season.</p>", link: "https://jp-embassy.test/news/hours", pubDate: new Date(Date.now() - 3600_000) };
const closure = (): FeedItem => ({
  guid: "jp-closure",
  title: "Security alert: Embassy closed today",
  html: "<p>Because of the threat of a large air attack, the Embassy is closed until further notice. Shelter in place.</p>",
  link: "https://jp-embassy.test/alerts/closed-today",
  pubDate: new Date(),
});

test("a closure alert in a watched feed becomes a proposal an editor accepts in one click", async ({ page, browser, request }) => {
  // Two logins, two axe runs, two fetches by the server's worker: a long journey on a loaded machine.
  test.setTimeout(120_000);
  server.set("/alerts/feed/", { body: rssFeed([routine]), type: "application/rss+xml; charset=UTF-8", etag: '"1"' });
  const feedUrl = `${server.origin}/alerts/feed/`;

  await logIn(page, "admin");
  await page.goto("/admin/sources");
  await expect(page.getByRole("status").filter({ hasText: "Watching is on" })).toBeVisible();
  // The seeded official sources are there, paused.
  await expect(page.locator("[data-source]").filter({ hasText: "U.S. Embassy in Ukraine" })).toContainText("paused");
  await page.getByText("Add a source").click();
  const form = page.getByRole("form", { name: "Add a source" });
  await form.getByLabel("Name").fill("Embassy of Japan: alerts");
  await form.getByLabel("URL").fill(feedUrl);
  await form.getByLabel("Speaks for missions of (sending country code)").fill("JP");
  await form.getByLabel("in (host country code)").fill("UA");
  // "Test" fetches and shows, stores nothing.
  await form.getByRole("button", { name: /^Test/ }).click();
  await expect(page.getByRole("status", { name: "Test result" })).toContainText("1 notices read, 0 proposals would be made");
  await form.getByLabel("Watch it now").check();
  await form.getByRole("button", { name: "Add source" }).click();
  const source = page.locator("[data-source='Embassy of Japan: alerts']");
  await expect(source).toContainText("watching");
  await expectNoSeriousA11yViolations(page);

  // The worker fetches it at once: last fetch is set, nothing proposed from the routine item.
  await expect(async () => {
    await page.reload();
    await expect(source).not.toContainText("Last fetchnever");
  }).toPass({ timeout: 15_000 });
  await expect(source).toContainText("0 proposals pending");
  expect(server.requestsTo("/alerts/feed/").at(-1)?.userAgent).toMatch(/^Chancery\//);

  // A new alert appears; "Fetch now" instead of waiting for the interval.
  server.set("/alerts/feed/", { body: rssFeed([closure(), routine]), type: "application/rss+xml; charset=UTF-8", etag: '"2"' });
  await source.getByRole("button", { name: "Fetch now" }).click();
  await expect(async () => {
    await page.reload();
    await expect(source).toContainText("1 proposals pending");
  }).toPass({ timeout: 15_000 });

  // An editor sees it in the verification queue, with the words that triggered it.
  const context = await browser.newContext();
  const editor = await context.newPage();
  await logIn(editor, "editor");
  await editor.goto("/admin/verify");
  const proposal = editor.locator("[data-proposal='jp-embassy-kyiv']");
  await expect(proposal).toContainText("Japan, Kyiv");
  await expect(proposal).toContainText("Closed");
  await expect(proposal.locator("mark")).toHaveText(/Embassy is closed/);
  await expect(proposal).toContainText("until further notice");
  await expect(proposal.getByRole("link", { name: "Security alert: Embassy closed today" })).toHaveAttribute("href", closure().link);
  await expectNoSeriousA11yViolations(editor);
  await proposal.getByRole("button", { name: "Accept for Japan, Kyiv" }).click();
  await expect(proposal).toHaveCount(0);

  // The public API and the embed show the change, citing the notice.
  await expect
    .poll(async () => {
      const mission = (await (await request.get("/api/v1/missions/jp-embassy-kyiv")).json()) as { status: string; sourceUrl: string };
      return { status: mission.status, sourceUrl: mission.sourceUrl };
    }, { timeout: 10_000 })
    .toEqual({ status: "closed", sourceUrl: closure().link });
  await expect(async () => {
    await editor.goto("/embed?host=UA&city=Kyiv&sending=JP&columns=sending,status,source");
    await expect(editor.getByRole("row").filter({ hasText: "Japan" })).toContainText("Closed");
  }).toPass({ timeout: 10_000 });
  await expect(editor.getByRole("row").filter({ hasText: "Japan" }).getByRole("link", { name: /^Embassy of Japan: alerts: Security alert/ })).toHaveAttribute("href", closure().link);
  await context.close();
});
