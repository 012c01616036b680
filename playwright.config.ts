import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./tests/e2e/support/chromium";
import { E2E_PORT as PORT, E2E_WORLD_PORT, SEEDED_SERVER_ENV } from "./tests/e2e/support/servers";

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  // The verification spec needs the seeded statuses untouched (all six stale), so it runs
  // first; the admin and expiry specs change them, so they run after every spec that reads them.
  projects: [
    { name: "verify", testMatch: /verify\.spec\.ts$/ },
    { name: "public", testIgnore: /(admin|expiry|verify|subscriptions)\.spec\.ts$/, dependencies: ["verify"] },
    { name: "admin", testMatch: /(admin|expiry|subscriptions)\.spec\.ts$/, dependencies: ["public"] },
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: [
    {
      // A fresh, seeded SQLite database and a production build for every run, served by the
      // bundled front (server.ts → .next/chancery/server.mjs) and its renderer, as in production.
      command: `rm -f tests/.tmp/e2e.db* && npm run db:setup && npm run build && node .next/chancery/server.mjs`,
      url: `http://127.0.0.1:${PORT}/`,
      env: SEEDED_SERVER_ENV,
      reuseExistingServer: false,
      timeout: 600_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The world file imported (9,852 missions) with 20,000 generated reports, in its own
      // database, so the seeded server above stays as the other specs expect. Started after
      // the first (Playwright starts web servers in order), so the build is there. ~25 s.
      command: `rm -f tests/.tmp/e2e-world.db* && npm run db:setup && npm run --silent world -- --history 20000 && node .next/chancery/server.mjs`,
      url: `http://127.0.0.1:${E2E_WORLD_PORT}/`,
      env: { DATABASE_URL: "file:./tests/.tmp/e2e-world.db", NEXT_TELEMETRY_DISABLED: "1", PORT: String(E2E_WORLD_PORT), HOSTNAME: "127.0.0.1", NODE_ENV: "production" },
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
