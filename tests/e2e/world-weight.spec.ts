// Issue 13: the weight budget with the world imported (9,852 missions, 20,000 generated
// reports; the second web server of playwright.config.ts): the largest host country's page and
// every other public page stay within 50 KB transferred on a first visit, every response summed.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_WORLD_PORT } from "./support/servers";
import { firstVisitWeight, PAGE_BUDGET_BYTES } from "./support/weight";

const WORLD = `http://127.0.0.1:${E2E_WORLD_PORT}`;
/** The generator gives the first missions most reports: the first seeded one has ~930 of the 20,000. */
const BUSIEST = "af-embassy-kyiv";

interface HostSummary {
  code: string;
  missions: number;
}

const PAGES = ["home", "largest host country", "its largest city", "sending country", "the busiest mission", "event", "search matching thousands", "API docs"] as const;
type PageName = (typeof PAGES)[number];

/** The pages a world-scale deployment serves its readers, the biggest of each kind. */
async function worldPages(request: APIRequestContext): Promise<Record<PageName, string>> {
  const hosts = ((await (await request.get(`${WORLD}/api/v1/countries`)).json()) as { data: HostSummary[] }).data;
  const largest = hosts.reduce((most, host) => (host.missions > most.missions ? host : most));
  const missions = ((await (await request.get(`${WORLD}/api/v1/missions?host=${largest.code}&limit=500`)).json()) as { data: Array<{ city: string }> }).data;
  const perCity = new Map<string, number>();
  for (const mission of missions) perCity.set(mission.city, (perCity.get(mission.city) ?? 0) + 1);
  const city = [...perCity].sort((a, b) => b[1] - a[1])[0]![0];
  return {
    home: "/",
    "largest host country": `/countries/${largest.code}`,
    "its largest city": `/countries/${largest.code}?city=${encodeURIComponent(city)}`,
    "sending country": `/senders/${largest.code}`,
    "the busiest mission": `/missions/${BUSIEST}`,
    event: "/events/kyiv-air-attack-warning-2024-11-20",
    "search matching thousands": "/search?q=embassy",
    "API docs": "/docs/api",
  };
}

let pages: Promise<Record<PageName, string>> | undefined;

test.describe("with the world imported, the weight of a first visit", () => {
  for (const name of PAGES) {
    test(`${name} is at most 50 KB with everything it loads`, async ({ browser, request }) => {
      const path = (await (pages ??= worldPages(request)))[name];
      const context = await browser.newContext({ serviceWorkers: "block" });
      const weight = await firstVisitWeight(context, WORLD + path);
      await context.close();
      console.log(`world ${path}: ${(weight.bytes / 1024).toFixed(1)} KB in ${weight.responses.length} responses`);
      expect(weight.bytes, weight.responses.map((response) => `${response.bytes}\t${response.url}`).join("\n")).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    });
  }
});

test("with the world imported, the home page is at most 50 KB of HTML before compression (issue 8)", async ({ request }) => {
  const response = await request.get(`${WORLD}/`, { headers: { "Accept-Encoding": "identity" } });
  expect(response.status()).toBe(200);
  const html = await response.body();
  console.log(`world home page: ${(html.length / 1024).toFixed(1)} KB of HTML`);
  expect(html.length).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  // Every host country is on it, as a row of the table.
  const hosts = ((await (await request.get(`${WORLD}/api/v1/countries`)).json()) as { data: HostSummary[] }).data.filter((host) => host.missions > 0);
  expect(html.toString("utf8").match(/<tr><th scope="row">/g)?.length).toBe(hosts.length);
});

test.describe("with JavaScript off, at world scale", () => {
  test.use({ javaScriptEnabled: false });

  test("a reader pages through a long history with links and back to the newest entries", async ({ page }) => {
    await page.goto(`${WORLD}/missions/${BUSIEST}`);
    const history = page.getByRole("region", { name: "History" });
    const entries = history.getByRole("listitem");
    await expect(entries).toHaveCount(50);
    const newest = await entries.first().textContent();
    const pages = page.getByRole("navigation", { name: "History pages" });
    await expect(pages.getByRole("link", { name: "Newest entries" })).toHaveCount(0);

    await pages.getByRole("link", { name: "Older entries" }).click();
    await expect(page).toHaveURL(new RegExp(`/missions/${BUSIEST}\\?before=`));
    await expect(entries).toHaveCount(50);
    expect(await entries.first().textContent()).not.toBe(newest);
    await pages.getByRole("link", { name: "Older entries" }).click();
    await expect(entries).toHaveCount(50);

    await pages.getByRole("link", { name: "Newest entries" }).click();
    await expect(page).toHaveURL(new RegExp(`/missions/${BUSIEST}$`));
    expect(await entries.first().textContent()).toBe(newest);
  });
});
