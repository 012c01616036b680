import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = [
  { find: /^@\//, replacement: `${root}/` },
  { find: "server-only", replacement: path.join(root, "tests/setup/empty-module.ts") },
];

const integration = (provider: "sqlite" | "postgres") => ({
  resolve: { alias },
  test: {
    name: `integration-${provider}`,
    include: ["tests/integration/**/*.test.ts"],
    env: { TEST_DB_PROVIDER: provider, TZ: "UTC" },
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/per-file-database.ts", "tests/setup/fail-on-console-error.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], env: { TZ: "UTC" }, setupFiles: ["tests/setup/fail-on-console-error.ts"] },
      },
      integration("sqlite"),
      integration("postgres"),
    ],
  },
});
