// Issue 13 item 3: the service worker keeps what a person viewed and shows it offline with its
// age, never in place of a working network, never for the editor's pages (decision 025).
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";

const KYIV = "/countries/UA?city=Kyiv";

async function controlledByServiceWorker(page: Page) {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true);
}

test("a page viewed once opens offline with the age of its statuses; /admin is not kept", async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.goto(KYIV);
  await controlledByServiceWorker(page);
  // Viewed under the worker's control, so the worker kept this copy.
  await page.reload();
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByText(/^You are offline/)).toHaveCount(0);
  const adminLogin = await page.goto("/admin/login");
  expect(adminLogin?.status()).toBe(200);
  await page.goto(KYIV);

  await context.setOffline(true);
  await page.reload();
  const banner = page.getByRole("status").filter({ hasText: "You are offline" });
  await expect(banner).toHaveText(/^You are offline — statuses as of \d{2}:\d{2} \((just now|\d+ minutes? ago)\)$/);
  await expect(page.getByRole("table").getByRole("rowheader", { name: "Germany", exact: true })).toBeVisible();
  await expect(page.getByRole("table").getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Germany", exact: true }) })).toContainText("Limited");
  await expectNoSeriousA11yViolations(page);

  await expect(page.goto("/admin/login")).rejects.toThrow(/ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
  await context.setOffline(false);
});

test("online, the network answers even when a copy is kept", async ({ page, context }) => {
  await page.goto("/missions/us-embassy-kyiv");
  await controlledByServiceWorker(page);
  await page.reload();
  const served: boolean[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname === "/missions/us-embassy-kyiv") served.push(response.fromServiceWorker());
  });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(/^You are offline/)).toHaveCount(0);
  // The worker answered, from a network fetch (the banner would show a cached copy).
  expect(served).toEqual([true]);
  await context.setOffline(false);
});

test("API answers a person viewed are kept too", async ({ page, context }) => {
  await page.goto("/");
  await controlledByServiceWorker(page);
  const online = await page.evaluate(() => fetch("/api/v1/missions?host=UA&limit=2").then((response) => response.json() as Promise<{ data: unknown[] }>));
  expect(online.data).toHaveLength(2);
  await context.setOffline(true);
  const offline = await page.evaluate(() => fetch("/api/v1/missions?host=UA&limit=2").then((response) => response.json() as Promise<{ data: unknown[] }>));
  expect(offline).toEqual(online);
  // Never kept: sign-in answers.
  await expect(page.evaluate(() => fetch("/api/auth/login", { method: "GET" }).then((response) => response.status))).rejects.toThrow();
  await context.setOffline(false);
});

test("the site can be installed: a manifest with raster icons", async ({ request }) => {
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { name: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string }[] };
  expect(body).toMatchObject({ start_url: "/", display: "standalone" });
  for (const size of ["192x192", "512x512"]) {
    const icon = body.icons.find((candidate) => candidate.sizes === size && candidate.type === "image/png");
    expect(icon, size).toBeDefined();
    const image = await request.get(icon!.src);
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
  }
  const worker = await request.get("/serwist/sw.js");
  expect(worker.status()).toBe(200);
  expect(worker.headers()["service-worker-allowed"]).toBe("/");
});
