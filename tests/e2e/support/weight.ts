// Bytes a first visit costs: every response the page loads, as transferred (compressed, with
// headers), summed from Chromium's own accounting (CDP Network.loadingFinished). A size, not a
// time, so the budget is a test that fails the same way on any machine.
import type { BrowserContext } from "@playwright/test";

export const PAGE_BUDGET_BYTES = 50 * 1024;

export interface PageWeight {
  url: string;
  bytes: number;
  responses: { url: string; bytes: number }[];
}

/** Opens `url` in a fresh page of a context with an empty cache and sums what it loaded. */
export async function firstVisitWeight(context: BrowserContext, url: string): Promise<PageWeight> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const urls = new Map<string, string>();
  const sizes = new Map<string, number>();
  cdp.on("Network.requestWillBeSent", (event) => urls.set(event.requestId, event.request.url));
  cdp.on("Network.loadingFinished", (event) => sizes.set(event.requestId, event.encodedDataLength));
  cdp.on("Network.loadingFailed", (event) => sizes.set(event.requestId, 0));
  await page.goto(url, { waitUntil: "load" });
  // Lazy images and late scripts: settled when nothing is in flight twice in a row.
  let previous = -1;
  for (let round = 0; round < 50; round += 1) {
    const pending = [...urls.keys()].filter((id) => !sizes.has(id)).length;
    if (pending === 0 && previous === 0) break;
    previous = pending;
    await page.waitForLoadState("networkidle");
  }
  await page.close();
  const responses = [...sizes].map(([id, bytes]) => ({ url: urls.get(id) ?? id, bytes }));
  return { url, bytes: responses.reduce((sum, response) => sum + response.bytes, 0), responses };
}
