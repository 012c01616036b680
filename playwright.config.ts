import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATABASE_URL = "file:./tests/.tmp/e2e.db";
/** The subscriptions spec's SMTP server (tests/e2e/subscriptions.spec.ts) listens here. */
const E2E_SMTP_PORT = PORT + 2;

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
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot run here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // A fresh, seeded SQLite database and a production build for every run, served by the
    // custom server (server.ts) as in production.
    command: `rm -f tests/.tmp/e2e.db* && npm run db:setup && npm run build && tsx server.ts`,
    url: `http://127.0.0.1:${PORT}/`,
    // Watching on, and the tests' own notice server on 127.0.0.1 allowed (watch-admin.spec.ts);
    // the seeded official sources stay disabled, so nothing leaves the machine.
    env: {
      DATABASE_URL,
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      MAIL_FROM: "Chancery <alerts@chancery.test>",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      NODE_ENV: "production",
      SOURCE_WATCHING: "on",
      SOURCE_FETCH_ALLOW_PRIVATE_HOSTS: "127.0.0.1",
    },
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
