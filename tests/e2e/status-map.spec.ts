// Issue 14 item 4: the status map on the city and host-country pages and in the embed.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";

interface ApiMission {
  sendingCountry: { code: string };
  status: "open" | "limited" | "closed" | null;
  freshness: string | null;
}

/** What each sending country should show, from the API: written out here, not imported. */
/** The map shows exactly the expected statuses, but for the senders it names as not drawable. */
async function expectMapToShow(page: Page, expected: Map<string, string>) {
  const { shown, missing } = await shownStatuses(page);
  for (const code of missing) expected.delete(code);
  expect(shown).toEqual(expected);
}

async function expectedStatuses(request: APIRequestContext, query: string): Promise<Map<string, string>> {
  const missions: ApiMission[] = [];
  let cursor: string | null = null;
  do {
    const page = `/api/v1/missions?${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const answer = (await (await request.get(page)).json()) as { data: ApiMission[]; nextCursor: string | null };
    missions.push(...answer.data);
    cursor = answer.nextCursor;
  } while (cursor);
  const rank = ["open", "limited", "closed", "unconfirmed"];
  const expected = new Map<string, string>();
  for (const mission of missions) {
    const confirmed = mission.freshness === "fresh" || mission.freshness === "due";
    const status = mission.status && confirmed ? mission.status : "unconfirmed";
    const previous = expected.get(mission.sendingCountry.code);
    if (!previous || rank.indexOf(status) < rank.indexOf(previous)) expected.set(mission.sendingCountry.code, status);
  }
  return expected;
}

async function shownStatuses(page: Page): Promise<{ shown: Map<string, string>; missing: string[] }> {
  const shapes = await page.locator("svg.status-map path[data-code]:not(.m-host)").evaluateAll((paths) => paths.map((path) => [path.getAttribute("data-code") ?? "", path.getAttribute("class") ?? ""] as const));
  // Senders without territory in the geodata (the Order of Malta) are named, not drawn.
  const missing = ((await page.locator("svg.status-map").getAttribute("data-missing")) ?? "").split(" ").filter(Boolean);
  expect(missing.every((code) => ["XM", "EU"].includes(code))).toBe(true);
  const codes = [...shapes.map(([code]) => code), ...missing];
  expect(new Set(codes).size, "one shape per sending country").toBe(codes.length);
  return { shown: new Map(shapes.map(([code, className]) => [code, className.replace(/^m-/, "")])), missing };
}

test("the Kyiv page maps every sending country with its status, a legend in words and the table as text", async ({ page, request }) => {
  await page.goto("/countries/UA?city=Kyiv");
  const expected = await expectedStatuses(request, "host=UA&city=Kyiv");
  expect(expected.size).toBeGreaterThan(50);
  await expectMapToShow(page, expected);

  const map = page.getByRole("img", { name: /Map of the countries with missions in Kyiv, Ukraine/ });
  await expect(map).toBeVisible();
  await expect(map).toHaveAttribute("aria-details", "missions-table");
  await expect(page.locator("table#missions-table")).toBeVisible();
  await expect(page.locator("svg.status-map path.m-host[data-code=UA]")).toHaveCount(1);

  const legend = page.getByRole("list", { name: "Map legend" });
  for (const words of ["Open", "Limited", "Closed", "Not confirmed or not reported", "No mission matching these filters", "Ukraine (host country)"]) {
    await expect(legend.getByRole("listitem").filter({ hasText: words })).toHaveCount(1);
  }
  // Each status has its own pattern as well as its colour.
  const fills = await page.locator("svg.status-map g[fill]").evaluateAll((groups) => groups.map((group) => group.getAttribute("fill")));
  expect(new Set(fills).size).toBe(fills.length);
  await expectNoSeriousA11yViolations(page);
});

test("the host-country page has the map for every city", async ({ page, request }) => {
  await page.goto("/countries/UA");
  await expectMapToShow(page, await expectedStatuses(request, "host=UA"));
  await expectNoSeriousA11yViolations(page);
});

test("the embed shows the map with view=map, and refuses it without a host", async ({ page, request }) => {
  await page.goto("/embed?host=UA&city=Kyiv&view=map");
  await expectMapToShow(page, await expectedStatuses(request, "host=UA&city=Kyiv"));
  await expect(page.getByRole("list", { name: "Map legend" })).toContainText("Limited");
  await expect(page.getByRole("table")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const refused = await request.get("/embed?view=map");
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain("view=map needs host");
});
