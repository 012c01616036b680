// `npm run measure:3g`: a first visit to the Kyiv table over DevTools' network profiles
// (CDP Network.emulateNetworkConditions), in Chromium, against the built app on the seeded
// data: how long the transfer takes until the statuses are visible, the bytes it cost, and the
// same page opened again offline (service worker, decision 025) with its age. Issue 13's
// "done when": under 3 s on Chromium's 3G profile, ≤ 50 KB, opens offline. Not a test (it times):
// it only prints. Env: BENCH_PORT (the app's port, default 3210), CHROMIUM_PATH.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { chromium, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import { benchEnv } from "@/lib/env";
import { CHROMIUM_LAUNCH } from "@/tests/e2e/support/chromium";
import { PAGE_BUDGET_BYTES } from "@/tests/e2e/support/weight";
import { ensureBuild, printTable, ROOT, startApp, stopAll, TMP } from "./bench-support";

const KYIV = "/countries/UA?city=Kyiv";
const VISIBLE_GOAL_MS = 3000;

/** DevTools' presets (Chromium front_end/core/sdk/NetworkManager.ts): bytes/s and ms. */
const PROFILES = [
  { name: "3G", downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9, latency: 150 * 3.75 },
  { name: "Slow 3G", downloadThroughput: (500 * 1000) / 8 * 0.8, uploadThroughput: (500 * 1000) / 8 * 0.8, latency: 400 * 5 },
];

function countBytes(cdp: CDPSession): () => number {
  const sizes = new Map<string, number>();
  cdp.on("Network.loadingFinished", (event) => sizes.set(event.requestId, event.encodedDataLength));
  return () => [...sizes.values()].reduce((sum, bytes) => sum + bytes, 0);
}

/** The statuses are visible: the table's first mission row shows one. */
const statusesVisible = (page: Page) =>
  page.getByRole("table").getByRole("row").filter({ has: page.getByRole("rowheader") }).first().getByText(/^(Open|Limited|Closed|Not reported)/).first().waitFor({ state: "visible", timeout: 120_000 });

async function offlineCopy(context: BrowserContext, page: Page): Promise<{ shown: boolean; banner: string; ms: number }> {
  // The worker keeps pages viewed under its control: wait for it, view once more, then go offline.
  const deadline = Date.now() + 60_000;
  while (!(await page.evaluate(() => navigator.serviceWorker.controller !== null)) && Date.now() < deadline) await page.waitForTimeout(200);
  await page.reload({ waitUntil: "load" });
  await context.setOffline(true);
  const started = performance.now();
  try {
    await page.reload({ waitUntil: "commit" });
    await statusesVisible(page);
    const banner = (await page.getByRole("status").filter({ hasText: "You are offline" }).first().textContent({ timeout: 5000 })) ?? "";
    return { shown: true, banner: banner.trim(), ms: performance.now() - started };
  } catch (error) {
    return { shown: false, banner: error instanceof Error ? error.message.split("\n")[0]! : String(error), ms: performance.now() - started };
  } finally {
    await context.setOffline(false);
  }
}

async function main() {
  ensureBuild();
  const file = path.join(TMP, "measure-3g.db");
  fs.mkdirSync(TMP, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const databaseUrl = `file:${file}`;
  execFileSync("node_modules/.bin/tsx", ["scripts/db-setup.ts"], { cwd: ROOT, stdio: "ignore", env: { ...process.env, DATABASE_URL: databaseUrl } });
  const { url: app } = await startApp(databaseUrl, benchEnv().BENCH_PORT);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const rows: string[][] = [];
  try {
    for (const profile of PROFILES) {
      // A fresh profile each time: empty HTTP cache, no service worker yet.
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: profile.latency, downloadThroughput: profile.downloadThroughput, uploadThroughput: profile.uploadThroughput });
      const bytes = countBytes(cdp);
      const started = performance.now();
      await page.goto(app + KYIV, { waitUntil: "commit" });
      await statusesVisible(page);
      const visibleMs = performance.now() - started;
      const bytesAtVisible = bytes();
      await page.waitForLoadState("load");
      const loadMs = performance.now() - started;
      const bytesAtLoad = bytes();
      await page.waitForLoadState("networkidle");
      const total = bytes();
      const offline = await offlineCopy(context, page);
      await context.close();
      rows.push([
        profile.name,
        `${(visibleMs / 1000).toFixed(2)} s (${visibleMs <= VISIBLE_GOAL_MS ? "pass" : "FAIL"} ≤ ${VISIBLE_GOAL_MS / 1000} s)`,
        `${(loadMs / 1000).toFixed(2)} s`,
        `${(bytesAtVisible / 1024).toFixed(1)} KB`,
        `${(bytesAtLoad / 1024).toFixed(1)} KB (${bytesAtLoad <= PAGE_BUDGET_BYTES ? "pass" : "FAIL"} ≤ ${PAGE_BUDGET_BYTES / 1024} KB)`,
        `${(total / 1024).toFixed(1)} KB`,
        offline.shown ? `shown in ${(offline.ms / 1000).toFixed(2)} s: “${offline.banner}”` : `NOT shown: ${offline.banner}`,
      ]);
    }
  } finally {
    await browser.close();
  }
  console.log(`First visit to ${KYIV} (seeded data) in Chromium, network emulated by CDP (DevTools presets: 3G = 562.5 ms, 1.44 Mbit/s down; Slow 3G = 2 s, 400 kbit/s).\n`);
  printTable(["profile", "statuses visible after", "load event", "bytes of responses done when visible", "bytes at load", "with the worker's install", "offline, reloaded"], rows);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    stopAll();
    process.exit();
  });
