import { expect, test } from "@playwright/test";

test("flags are SVG images that load beside each country's name", async ({ page }) => {
  await page.goto("/countries/UA?city=Kyiv");
  const flag = page.getByRole("rowheader", { name: "Germany" }).locator('img[src="/flags/DE.svg"]');
  await flag.scrollIntoViewIfNeeded();
  await expect.poll(() => flag.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  // Decorative: the accessible name is the country's name alone.
  await expect(page.getByRole("rowheader", { name: "Germany", exact: true })).toBeVisible();
});

test("the city table prints without the site's controls", async ({ page }) => {
  await page.goto("/countries/UA?city=Kyiv");
  const filters = page.getByRole("search", { name: "Filter missions" });
  await expect(filters).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(filters).toBeHidden();
  await expect(page.getByRole("search", { name: "Search missions" })).toBeHidden();
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Spain" })).toBeVisible();
});
