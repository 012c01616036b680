// Measures the worker's lag against a running server: closes a mission "until now + 2 s" as an
// editor would, then polls the public API until the mission reads expected-open, and prints
// the time between the until moment and the first answer that shows it.
// Usage: printf '%s\n' "$PASSWORD" | tsx scripts/measure-expiry-lag.ts <server URL> <editor email> [slug] [runs]
import fs from "node:fs";

const [base = "http://127.0.0.1:3000", email, slug = "gb-embassy-kyiv", runsText = "10"] = process.argv.slice(2);
const AHEAD_MS = 2000;
const POLL_MS = 10;

async function logIn(): Promise<string> {
  if (!email) throw new Error("usage: measure-expiry-lag.ts <server URL> <editor email> [slug] [runs] (password on stdin)");
  const password = fs.readFileSync(0, "utf8").split("\n")[0];
  const response = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!response.ok || !cookie) throw new Error(`Login failed: ${response.status} ${await response.text()}`);
  return cookie;
}

async function adminMission(cookie: string) {
  const response = await fetch(`${base}/api/admin/missions`, { headers: { cookie } });
  const { missions } = (await response.json()) as { missions: Array<{ id: number; slug: string; version: number }> };
  const mission = missions.find((candidate) => candidate.slug === slug);
  if (!mission) throw new Error(`No mission ${slug}`);
  return mission;
}

async function closeUntil(cookie: string, until: Date) {
  const mission = await adminMission(cookie);
  const response = await fetch(`${base}/api/admin/missions/${mission.id}/status`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie },
    body: JSON.stringify({ status: "closed", reason: "Lag measurement", sourceUrl: "https://example.org/lag", until: until.toISOString(), expectedVersion: mission.version }),
  });
  if (!response.ok) throw new Error(`Status change failed: ${response.status} ${await response.text()}`);
}

async function visibleAt(): Promise<number> {
  for (;;) {
    const response = await fetch(`${base}/api/v1/missions/${encodeURIComponent(slug)}`);
    const mission = (await response.json()) as { status: string | null; expectedAfter: string | null };
    if (mission.expectedAfter === "closed") return Date.now();
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function main() {
  const cookie = await logIn();
  const lags: number[] = [];
  for (let run = 0; run < Number(runsText); run++) {
    const until = new Date(Date.now() + AHEAD_MS);
    await closeUntil(cookie, until);
    const lag = (await visibleAt()) - until.getTime();
    lags.push(lag);
    console.log(`run ${run + 1}: visible ${lag} ms after the until moment`);
  }
  const sorted = [...lags].sort((a, b) => a - b);
  console.log(`median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms over ${lags.length} runs (polling every ${POLL_MS} ms)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
