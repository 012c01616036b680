// HTTP hardening through the real server (the bundled front, server.ts, and its renderer): undecodable paths, HSTS and Secure
// cookies on an https public origin, forwarded headers from clients, and an Atom feed that
// stays XML whatever a stored reason holds. A second server with its own copy of the e2e
// database carries the https origin and a low login limit, so the other specs are untouched.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import Database from "better-sqlite3";
import fs from "node:fs";
import http from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { E2E_USERS } from "./global-setup";

const HTTPS_PORT = Number(process.env.E2E_PORT ?? 3100) + 1000;
const HTTPS_APP = `http://127.0.0.1:${HTTPS_PORT}`;
const HTTPS_DB = "tests/.tmp/e2e-https.db";

const SECURITY_HEADERS = { "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "strict-origin-when-cross-origin" };

/** The Unix socket of the renderer child the front `pid` started (its `--socket` argument). */
function rendererSocketOf(pid: number): string {
  for (const entry of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) !== pid) continue;
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      const socket = args[args.indexOf("--socket") + 1];
      if (args.includes("--socket") && socket) return socket;
    } catch {
      // exited meanwhile
    }
  }
  throw new Error(`no renderer child of ${pid}`);
}

function askRenderer(socketPath: string, path: string, production?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: "127.0.0.1", ...(production ? { "x-chancery-produce": production } : {}) };
    http
      .get({ socketPath, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      })
      .on("error", reject);
  });
}

test.describe("a path that is not percent-encoded UTF-8", () => {
  for (const path of ["/missions/%FF", "/countries/%E0%A4%A", "/events/caf%C3", "/%FF", "/embed/%FF"]) {
    test(`${path} is a 400 page with the security headers`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(400);
      const headers = response.headers();
      expect(headers).toMatchObject(SECURITY_HEADERS);
      expect(headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["strict-transport-security"]).toBeUndefined(); // this server's origin is http
      expect(await response.text()).toContain("<h1>Bad request</h1>");
    });
  }

  for (const path of ["/api/v1/missions/%FF", "/api/v1/missions/%FF/badge.svg", "/api/admin/missions/%FF"]) {
    test(`${path} is a 400 JSON error`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(400);
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
      expect(await response.json()).toMatchObject({ error: { status: 400, message: expect.stringContaining("not valid UTF-8") } });
    });
  }

  test("reads as a page in the browser", async ({ page }) => {
    await page.goto("/missions/%FF");
    await expect(page.getByRole("heading", { name: "Bad request" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to the Chancery home page" })).toHaveAttribute("href", "/");
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe("behind an https public origin", () => {
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(HTTPS_DB + suffix, { force: true });
    // A consistent copy of the live e2e database (with its users), not a file copy mid-write.
    const source = new Database("tests/.tmp/e2e.db", { readonly: true });
    source.exec(`VACUUM INTO '${HTTPS_DB}'`);
    source.close();
    server = spawn(process.execPath, [".next/chancery/server.mjs"], {
      env: { ...process.env, DATABASE_URL: `file:./${HTTPS_DB}`, PORT: String(HTTPS_PORT), HOSTNAME: "127.0.0.1", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PUBLIC_ORIGIN: "https://chancery.example", LOGIN_IP_LIMIT: "3" },
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    });
    await new Promise<void>((resolve, reject) => {
      server!.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("Chancery ready") && resolve());
      server!.on("exit", (code) => reject(new Error(`the https server exited with ${code}`)));
    });
  });

  test.afterAll(() => {
    // The front runs its renderer in a child: end the whole group this spec started.
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  });

  const logIn = (request: APIRequestContext, email: string, password: string, forwardedFor?: string) =>
    request.post(`${HTTPS_APP}/api/auth/login`, {
      data: { email, password },
      headers: { Origin: HTTPS_APP, ...(forwardedFor ? { "X-Forwarded-For": forwardedFor } : {}) },
    });

  test("the renderer makes a lite page without its RSC payload, the same page whole on request, and the editor's pages whole", async () => {
    const socket = rendererSocketOf(server!.pid!);
    const lite = await askRenderer(socket, "/countries/UA", "page");
    const whole = await askRenderer(socket, "/countries/UA", "page-with-payload");
    expect(lite).not.toContain("self.__next_f");
    expect(whole).toContain("self.__next_f");
    const rows = (html: string) => /<tbody[^>]*>[\s\S]*?<\/tbody>/.exec(html)?.[0];
    expect(rows(lite)).toContain("Kyiv");
    expect(rows(lite)).toBe(rows(whole));
    expect(await askRenderer(socket, "/admin/login")).toContain("self.__next_f");
  });

  test("every answer carries HSTS: pages, API, embed, errors", async ({ request }) => {
    for (const path of ["/", "/countries/UA", "/api/v1/missions?host=UA", "/api/v1/changes.atom", "/embed?host=UA", "/embed.js", "/missions/%FF", "/api/v1/missions/nope"]) {
      const response = await request.get(`${HTTPS_APP}${path}`);
      expect(response.headers()["strict-transport-security"], path).toBe("max-age=31536000");
    }
  });

  test("the session cookie is Secure", async ({ request }) => {
    const { email, password } = E2E_USERS.editor;
    const response = await logIn(request, email, password);
    expect(response.status()).toBe(200);
    expect(response.headers()["set-cookie"]).toMatch(/; Secure/);
  });

  test("rotating X-Forwarded-For does not dodge the per-address limit without TRUST_PROXY", async ({ request }) => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      statuses.push((await logIn(request, `nobody${attempt}@example.org`, "guess", `203.0.113.${attempt}`)).status());
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  test("the Atom feed stays XML when a stored reason holds characters XML forbids", async ({ page, request }) => {
    // Written straight to the database, as data stored before input validation refused them.
    const reason = "Closed\u000b until further notice\u000c (see notice)";
    execFileSync("node_modules/.bin/tsx", ["tests/e2e/support/record-status.ts", "us-embassy-kyiv", "limited", reason], {
      env: { ...process.env, DATABASE_URL: `file:./${HTTPS_DB}` },
      stdio: "pipe",
    });
    let atom = "";
    await expect(async () => {
      atom = await (await request.get(`${HTTPS_APP}/api/v1/changes.atom?sending=US`)).text();
      expect(atom).toContain("until further notice");
    }).toPass({ timeout: 5000 });
    await page.goto(`${HTTPS_APP}/`);
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      return { errors: doc.getElementsByTagName("parsererror").length, content: doc.getElementsByTagName("content")[0]?.textContent ?? "" };
    }, atom);
    expect(parsed.errors).toBe(0);
    expect(parsed.content).toContain("Reason: Closed until further notice (see notice)");
  });
});
