// How Chromium is launched here, for Playwright's tests and for the measuring scripts alike.
import type { LaunchOptions } from "@playwright/test";

export const CHROMIUM_LAUNCH: LaunchOptions = {
  // Debian's Chromium: Playwright's own browser download cannot run here.
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};
