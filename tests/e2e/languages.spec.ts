// Issue 14 item 1-3: the interface in the reader's language, chosen by URL (or Accept-Language
// for an unprefixed one), right-to-left in Arabic, country and city names translated.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { firstVisitWeight, PAGE_BUDGET_BYTES } from "./support/weight";

const LOCALES = ["en", "uk", "de", "ar"] as const;
const PUBLIC_PAGES = ["/", "/countries/UA", "/countries/UA?city=Kyiv", "/senders/DE", "/missions/us-embassy-kyiv", "/events/kyiv-air-attack-warning-2024-11-20", "/search?q=Kyiv", "/docs/api"];
const prefixed = (locale: string, path: string) => `/${locale}${path === "/" ? "" : path}`;

test("a Ukrainian reader reads Kyiv in Ukrainian, with the map, and switches to English on the same path", async ({ page }) => {
  await page.goto("/uk/countries/UA?city=Kyiv");
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Київ, Україна/);
  await expect(page.getByRole("img", { name: /Мапа країн, що мають місії в Київ, Україна/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Легенда мапи" })).toContainText("Обмежено");
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader", { name: /Країна, що акредитує/ })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Німеччина", exact: true })).toBeVisible();
  await expect(table).toContainText("Зачинено");
  // Links keep the language.
  await expect(table.getByRole("link", { name: "Німеччина" })).toHaveAttribute("href", /^\/uk\/missions\//);

  await page.getByRole("navigation", { name: "Мова" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/countries\/UA\?city=Kyiv$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Kyiv, Ukraine/);
  await expect(page.getByRole("table").getByRole("rowheader", { name: "Germany", exact: true })).toBeVisible();
});

test("Arabic pages are right to left", async ({ page }) => {
  for (const path of ["/", "/countries/UA?city=Kyiv"]) {
    await page.goto(prefixed("ar", path));
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  }
  await expect(page.getByRole("heading", { level: 1 })).toContainText("كييف");
  await page.screenshot({ path: test.info().outputPath("kyiv-ar.png"), fullPage: false });
});

test("an unprefixed page follows Accept-Language, says it varies by it, and the cache keeps languages apart", async ({ request }) => {
  const get = (path: string, language: string) => request.get(path, { headers: { "accept-language": language } });
  for (let round = 0; round < 2; round += 1) {
    const ukrainian = await get("/countries/UA?city=Kyiv", "uk-UA,uk;q=0.9,en;q=0.5");
    expect(ukrainian.headers()["content-language"]).toBe("uk");
    expect(ukrainian.headers()["vary"]).toMatch(/accept-language/i);
    expect(await ukrainian.text()).toContain('lang="uk"');
    const german = await get("/countries/UA?city=Kyiv", "de-AT");
    expect(await german.text()).toContain('lang="de"');
    const english = await get("/countries/UA?city=Kyiv", "fr-FR");
    expect(english.headers()["content-language"]).toBe("en");
    expect(await english.text()).toContain('lang="en"');
  }
  const fixed = await get("/uk/countries/UA?city=Kyiv", "de");
  expect(fixed.headers()["content-language"]).toBe("uk");
  expect(fixed.headers()["vary"] ?? "").not.toMatch(/accept-language/i);
});

test("searching Київ or Kiew finds the Kyiv missions", async ({ page }) => {
  for (const [path, q] of [["/uk/search", "Київ"], ["/de/search", "Kiew"], ["/search", "Kiew"]] as const) {
    await page.goto(`${path}?q=${encodeURIComponent(q)}`);
    const rows = page.getByRole("table").getByRole("row").filter({ has: page.getByRole("rowheader") });
    expect(await rows.count(), `${path}?q=${q}`).toBeGreaterThan(50);
  }
});

test("the embed and the API take lang=", async ({ page, request }) => {
  await page.goto("/embed?host=UA&city=Kyiv&lang=uk&view=map");
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Статус посольств: Київ, Україна");
  await expect(page.getByRole("list", { name: "Легенда мапи" })).toBeVisible();
  await page.goto("/embed?host=UA&city=Kyiv&lang=ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");

  const missions = (await (await request.get("/api/v1/missions?host=UA&city=Kyiv&sending=DE&lang=uk")).json()) as { data: Array<{ status: string | null; sendingCountry: { code: string; name: string; localName?: string } }> };
  expect(missions.data[0]?.sendingCountry).toMatchObject({ code: "DE", name: "Germany", localName: "Німеччина" });
  const refused = await request.get("/api/v1/missions?lang=xx");
  expect(refused.status()).toBe(400);
});

function run(script: string, ...args: string[]) {
  execFileSync("node_modules/.bin/tsx", [`tests/e2e/support/${script}.ts`, ...args], { env: { ...process.env, DATABASE_URL: "file:./tests/.tmp/e2e.db" }, stdio: "pipe" });
}

test("a reason shows in the reader's language when translated, else as written with its language named", async ({ page }) => {
  const reason = "Open to the public again after the air-attack warning.";
  run("record-status", "jp-embassy-kyiv", "open", reason);
  run("save-reason-text", "jp-embassy-kyiv", "uk", "Знову відчинено для відвідувачів після попередження про повітряну атаку.");
  const reasonCell = () => page.getByRole("table").getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^(Японія|Japan|Japón)$/ }) }).getByRole("cell").nth(4);

  // The page cache drops the page on the writer's announcement: reload until it shows.
  await expect(async () => {
    await page.goto("/uk/countries/UA?city=Kyiv");
    await expect(reasonCell()).toHaveText("Знову відчинено для відвідувачів після попередження про повітряну атаку.", { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(reasonCell().locator("[lang=uk]")).toHaveCount(1);

  await page.goto("/en/countries/UA?city=Kyiv");
  await expect(reasonCell()).toHaveText(reason);

  // No German translation: the original, in English, said to be so in German.
  await page.goto("/de/countries/UA?city=Kyiv");
  await expect(reasonCell()).toContainText(reason);
  await expect(reasonCell()).toContainText("(Original auf Englisch)");
  await expect(reasonCell().locator("[lang=en]")).toHaveCount(1);

  // The mission page: the current status and its history entry, both in Ukrainian.
  const ukText = "Знову відчинено для відвідувачів після попередження про повітряну атаку.";
  await page.goto("/uk/missions/jp-embassy-kyiv");
  await expect(page.locator("main span[lang=uk]", { hasText: ukText })).toHaveCount(2);
  await expect(page.getByRole("main")).not.toContainText(reason);
  await page.goto("/de/missions/jp-embassy-kyiv");
  await expect(page.locator("main span[lang=en]", { hasText: reason })).toHaveCount(2);
  await expect(page.locator("main dd").filter({ hasText: reason })).toContainText("(Original auf Englisch)");

  // The embed with lang=uk, the reason column shown.
  await page.goto("/embed?host=UA&city=Kyiv&sending=JP&columns=sending,reason&lang=uk");
  await expect(page.getByRole("cell").locator("[lang=uk]")).toHaveText(ukText);
  await page.goto("/embed?host=UA&city=Kyiv&sending=JP&columns=sending,reason&lang=de");
  await expect(page.getByRole("cell").locator("[lang=en]")).toHaveText(reason);
  await expect(page.getByRole("cell")).toContainText("(Original auf Englisch)");
});

test.describe("weight in other languages", () => {
  for (const path of ["/uk/countries/UA?city=Kyiv", "/ar/countries/UA?city=Kyiv", "/de/countries/UA"]) {
    test(`${path} is at most 50 KB`, async ({ browser }) => {
      const context = await browser.newContext({ serviceWorkers: "block" });
      const weight = await firstVisitWeight(context, path);
      await context.close();
      console.log(`${path}: ${(weight.bytes / 1024).toFixed(1)} KB in ${weight.responses.length} responses`);
      expect(weight.bytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    });
  }
});

test.describe("every public page in every language passes axe", () => {
  for (const locale of LOCALES.filter((locale) => locale !== "en")) {
    for (const path of PUBLIC_PAGES) {
      test(`${prefixed(locale, path)}`, async ({ page }) => {
        await page.goto(prefixed(locale, path));
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expectNoSeriousA11yViolations(page);
      });
    }
  }
});
