// Creates the e2e accounts with the documented command, in the database the web server
// has just set up (Playwright starts webServer before globalSetup).
import { execFileSync } from "node:child_process";
import { SEEDED_SERVER_ENV } from "./support/servers";

export const E2E_USERS = {
  admin: { email: "e2e-admin@example.org", password: "e2e admin password", role: "admin" },
  editor: { email: "e2e-editor@example.org", password: "e2e editor password", role: "editor" },
} as const;

export default function globalSetup() {
  const env = { ...process.env, ...SEEDED_SERVER_ENV };
  for (const user of Object.values(E2E_USERS)) {
    execFileSync("npm", ["run", "--silent", "user:create", "--", "--email", user.email, "--role", user.role], { input: `${user.password}\n`, env, stdio: ["pipe", "ignore", "inherit"] });
  }
}
