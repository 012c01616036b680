// The two web servers Playwright starts (playwright.config.ts): where they listen and the
// environment of the seeded one, which global-setup also needs (Playwright hands a list of web
// servers to nobody: `config.webServer` is null then).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** The subscriptions spec's SMTP server (tests/e2e/subscriptions.spec.ts) listens here. */
export const E2E_SMTP_PORT = E2E_PORT + 2;
/** The second server, with the world imported (tests/e2e/world-weight.spec.ts). */
export const E2E_WORLD_PORT = E2E_PORT + 5;

export const SEEDED_SERVER_ENV: Record<string, string> = {
  DATABASE_URL: "file:./tests/.tmp/e2e.db",
  SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
  MAIL_FROM: "Chancery <alerts@chancery.test>",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(E2E_PORT),
  HOSTNAME: "127.0.0.1",
  NODE_ENV: "production",
  // Watching on, and the tests' own notice server on 127.0.0.1 allowed (watch-admin.spec.ts);
  // the seeded official sources stay disabled, so nothing leaves the machine.
  SOURCE_WATCHING: "on",
  SOURCE_FETCH_ALLOW_PRIVATE_HOSTS: "127.0.0.1",
};
