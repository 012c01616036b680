// `npm run bench -- --world [--db=sqlite|postgres|both]`: the built app at world scale (the world
// file imported and 1M generated history rows, scripts/world-data.ts) on SQLite and PostgreSQL,
// measured against issue 8's goals (decision 028). Three parts per database:
//   1. cold path: every public page, every API answer and the editor's list, each sample a URL
//      the response cache does not hold (a distinct query, or one last asked longer ago than an
//      entry lives), sent as a browser sends it (Accept-Encoding: gzip), one at a time;
//      p50/p95/p99 and the bytes (HTML uncompressed and transferred), goals marked;
//   2. a loop of made-up URLs (`/?v=N`, distinct searches…): the server's RSS before, at its
//      peak and after, and the p99 of hot cached answers asked meanwhile;
//   3. the hot-path ratios against plain node:http.
// Not a test: it only prints. The generated databases are kept in tests/.tmp (PostgreSQL:
// database `chancery_bench_world`) and reused while the migrations, the generator and
// --history are unchanged (--fresh regenerates).
// Options: --db=both|sqlite|postgres --history=1000000 --samples=20 --urls=10000 --fresh
//          --cold-seconds=400 --loop-seconds=180 (bounds: the cold rounds stop after 5 once past it;
//          the loop stops sending; both say so in the table)
//          --postgres=postgresql://postgres@127.0.0.1:5432/postgres (an admin URL)
//          --parts=cold,loop,hot (which parts to run) --only=<text> (cold targets whose name contains it; comma-separated)
// Env: BENCH_PORT (the app; the plain server +1), BENCH_SECONDS, BENCH_CONNECTIONS (hot paths),
//      TEST_DB_PREFIX (prefixes the PostgreSQL database's name, so benches run side by side stay apart),
//      RESPONSE_CACHE_MB (passed to the app: the cache size the RSS goal is judged with).
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import pg from "pg";
import { z } from "zod";
import { benchEnv, env } from "@/lib/env";
import { MAX_AGE_MS, STALE_MS } from "@/lib/http/response-cache";
import { MISSION_SORTS } from "@/lib/missions/filters";
import { ensureBuild, HOT_PATH_HEADER, HOT_TARGETS, hotPathRatios, percentile, printTable, residentMegabytes, ROOT, startApp, stop, TMP } from "./bench-support";
import { prepareWorldDatabase, type WorldFacts } from "./world-data";

const OptionsSchema = z.object({
  db: z.enum(["both", "sqlite", "postgres"]).default("both"),
  history: z.coerce.number().int().min(0).max(20_000_000).default(1_000_000),
  samples: z.coerce.number().int().min(5).max(1000).default(20),
  urls: z.coerce.number().int().min(100).max(1_000_000).default(10_000),
  /** Bounds on the slow parts, so a slow build still finishes: rounds stop (after 5) and the loop stops when they pass. */
  "cold-seconds": z.coerce.number().int().min(10).max(36_000).default(400),
  "loop-seconds": z.coerce.number().int().min(10).max(36_000).default(180),
  fresh: z.coerce.boolean().default(false),
  postgres: z.string().default("postgresql://postgres@127.0.0.1:5432/postgres"),
  parts: z
    .string()
    .default("cold,loop,hot")
    .transform((text) => new Set(text.split(",")))
    .pipe(z.set(z.enum(["cold", "loop", "hot"]))),
  only: z
    .string()
    .optional()
    .transform((text) => text?.split(",").filter(Boolean)),
});
type Options = z.infer<typeof OptionsSchema>;
type Provider = "sqlite" | "postgres";

/** Issue 8's goals. */
export const GOALS = { coldP95Ms: 100, htmlBytes: 200 * 1024, rssMegabytes: 600, hotP99Ms: 25 };
const POSTGRES_DATABASE = `${benchEnv().TEST_DB_PREFIX}bench_world`;
/**
 * A URL asked again only after its entry (if any) is gone: entries are fresh MAX_AGE_MS from
 * being stored, then served stale STALE_MS more while a refresh runs. Asked inside that window,
 * a sample would time a stale hit, and its refresh would load the samples after it.
 */
const SPACING_MS = MAX_AGE_MS + STALE_MS + 500;
const MADE_UP_CONNECTIONS = 10;

function parseOptions(argv: string[]): Options {
  const record = Object.fromEntries(
    argv.filter((arg) => arg.startsWith("--") && arg !== "--world").map((arg) => (arg.includes("=") ? (arg.slice(2).split("=", 2) as [string, string]) : [arg.slice(2), "1"])),
  );
  return OptionsSchema.parse(record);
}

// ---- The world database, generated once and reused ----

function generationKey(provider: Provider, options: Options): string {
  const migrations = fs.readdirSync(path.join(ROOT, "prisma", provider, "migrations")).sort();
  const generator = crypto.createHash("sha256").update(fs.readFileSync(path.join(ROOT, "scripts/world-data.ts"))).digest("hex");
  return JSON.stringify({ migrations, generator, history: options.history });
}

async function postgresDatabaseExists(adminUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [POSTGRES_DATABASE])).rowCount === 1;
  } finally {
    await client.end();
  }
}

async function worldDatabase(provider: Provider, options: Options): Promise<{ url: string; facts: WorldFacts; reused: boolean }> {
  const marker = path.join(TMP, `bench-world-${provider}.json`);
  const file = path.join(TMP, "bench-world.db");
  const key = generationKey(provider, options);
  if (!options.fresh && fs.existsSync(marker)) {
    const kept = JSON.parse(fs.readFileSync(marker, "utf8")) as { key: string; url: string; facts: WorldFacts };
    const present = provider === "sqlite" ? fs.existsSync(file) : await postgresDatabaseExists(options.postgres);
    if (kept.key === key && present) return { url: kept.url, facts: kept.facts, reused: true };
  }
  fs.rmSync(marker, { force: true });
  const target = provider === "sqlite" ? { provider, file } : { provider, adminUrl: options.postgres, database: POSTGRES_DATABASE };
  const { url, ...facts } = await prepareWorldDatabase(target, { historyRows: options.history, log: (line) => console.log(`  ${line}`) });
  fs.writeFileSync(marker, JSON.stringify({ key, url, facts }));
  return { url, facts, reused: false };
}

function createEditor(databaseUrl: string): { email: string; password: string } {
  const email = `bench-${Date.now()}@chancery.invalid`;
  const password = crypto.randomBytes(12).toString("hex");
  execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/user-create.ts", "--email", email, "--role", "editor"], {
    cwd: ROOT,
    input: `${password}\n`,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["pipe", "ignore", "inherit"],
  });
  return { email, password };
}

async function login(app: string, editor: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${app}/api/auth/login`, { method: "POST", headers: { "Content-Type": "application/json", Origin: app }, body: JSON.stringify(editor) });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!response.ok || !cookie) throw new Error(`The bench editor could not log in: ${response.status} ${await response.text()}`);
  return cookie;
}

// ---- One request as a browser sends it ----

interface Sample {
  status: number;
  ms: number;
  /** Body bytes on the wire (gzip when the server compressed) and after decompression. */
  transferred: number;
  uncompressed: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function get(app: string, url: string, headers: Record<string, string> = {}): Promise<Sample> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(`${app}${url}`, { agent, headers: { "Accept-Encoding": "gzip", Accept: "text/html,application/json;q=0.9,*/*;q=0.8", ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const ms = performance.now() - started;
        const body = Buffer.concat(chunks);
        const uncompressed = response.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(body).length : body.length;
        resolve({ status: response.statusCode ?? 0, ms, transferred: body.length, uncompressed });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

// ---- 1. Cold path ----

interface ColdTarget {
  name: string;
  html: boolean;
  /** The i-th sample's URL; distinct where the page has parameters to vary. */
  url: (index: number) => string;
  headers?: Record<string, string>;
}

/** Distinct but equivalent listings: every sort key, both directions, then status filters. */
function listingVariant(index: number): string {
  const sort = MISSION_SORTS[index % MISSION_SORTS.length]!;
  const dir = Math.floor(index / MISSION_SORTS.length) % 2 ? "desc" : "asc";
  const status = ["", "open", "limited", "closed"][Math.floor(index / (2 * MISSION_SORTS.length)) % 4];
  return `sort=${sort}&dir=${dir}${status ? `&status=${status}` : ""}`;
}

const SEARCH_TERMS = ["kyiv", "berlin", "paris", "london", "tokyo", "nairobi", "lima", "cairo", "delhi", "rome", "madrid", "ottawa", "canberra", "beijing", "moscow", "warsaw", "vienna", "prague", "oslo", "dakar", "accra", "quito", "hanoi", "manila", "ankara", "tunis", "riga", "sofia", "doha", "amman"];
const searchVariant = (index: number) => `q=${encodeURIComponent(`${SEARCH_TERMS[index % SEARCH_TERMS.length]}${index >= SEARCH_TERMS.length ? ` ${["embassy", "consulate", "germany", "france"][Math.floor(index / SEARCH_TERMS.length) % 4]}` : ""}`)}`;

/** The first `pages` cursor pages of a list, walked as a client would. */
async function cursorPages(app: string, base: string, pages: number): Promise<string[]> {
  const urls = [base];
  while (urls.length < pages) {
    const response = await fetch(app + urls.at(-1)!);
    const cursor = ((await response.json()) as { nextCursor?: string | null }).nextCursor;
    if (!cursor) break;
    urls.push(`${base}&cursor=${encodeURIComponent(cursor)}`);
  }
  return urls;
}

function coldTargets(facts: WorldFacts, cursors: string[], cookie: string): ColdTarget[] {
  const { largestHost: host, largestCity: city, largestSender: sender, busiestMission: mission, busiestEvent: event } = facts;
  const cityParam = `city=${encodeURIComponent(city)}`;
  const same = (url: string) => () => url;
  const editor = { Cookie: cookie };
  return [
    { name: "home /", html: true, url: same("/") },
    { name: `host country /countries/${host}`, html: true, url: (i) => `/countries/${host}?${listingVariant(i)}` },
    { name: `city /countries/${host}?city=${city}`, html: true, url: (i) => `/countries/${host}?${cityParam}&${listingVariant(i)}` },
    { name: `sending country /senders/${sender}`, html: true, url: (i) => `/senders/${sender}?${listingVariant(i)}` },
    { name: `mission /missions/${mission}`, html: true, url: same(`/missions/${mission}`) },
    ...(event ? [{ name: `event /events/${event}`, html: true, url: same(`/events/${event}`) }] : []),
    { name: "search /search?q=…", html: true, url: (i) => `/search?${searchVariant(i)}` },
    { name: "API docs /docs/api", html: true, url: same("/docs/api") },
    { name: `API list ?host=${host}`, html: false, url: (i) => `/api/v1/missions?host=${host}&limit=${100 + i}` },
    { name: "API list ?status=closed (world)", html: false, url: (i) => `/api/v1/missions?status=closed&limit=${100 + i}` },
    { name: "API list ?q=…", html: false, url: (i) => `/api/v1/missions?${searchVariant(i)}` },
    { name: "API list, cursor pages", html: false, url: (i) => cursors[i % cursors.length]! },
    { name: `API CSV ?host=${host}`, html: false, url: (i) => `/api/v1/missions.csv?host=${host}&${listingVariant(i)}` },
    { name: "API mission detail", html: false, url: same(`/api/v1/missions/${mission}`) },
    { name: "API mission history", html: false, url: (i) => `/api/v1/missions/${mission}/history?limit=${1 + (i % 200)}` },
    { name: "API changes feed (Atom)", html: false, url: same("/api/v1/changes.atom") },
    { name: `API changes feed (JSON) ?host=${host}`, html: false, url: same(`/api/v1/changes.json?host=${host}`) },
    { name: "API badge", html: false, url: same(`/api/v1/missions/${mission}/badge.svg`) },
    { name: `embed /embed?host=${host}`, html: true, url: (i) => `/embed?host=${host}&${listingVariant(i)}` },
    { name: "editor: /admin", html: true, url: same("/admin"), headers: editor },
    { name: "editor: /api/admin/missions", html: false, url: same("/api/admin/missions"), headers: editor },
  ];
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function coldPath(app: string, targets: ColdTarget[], samples: number, maxSeconds: number): Promise<string[][]> {
  const lastAsked = new Map<string, number>();
  const results = targets.map(() => [] as Sample[]);
  const deadline = performance.now() + maxSeconds * 1000;
  // Round -1 warms the server's code paths (JIT, connections) on URLs the measured rounds do not repeat soon.
  for (let round = -1; round < samples && (round < 5 || performance.now() < deadline); round++) {
    for (const [index, target] of targets.entries()) {
      const url = target.url(round < 0 ? samples + 7 : round);
      const wait = (lastAsked.get(url) ?? -Infinity) + SPACING_MS - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const sample = await get(app, url, target.headers);
      lastAsked.set(url, performance.now());
      if (round >= 0) results[index]!.push(sample);
    }
  }
  return targets.map((target, index) => {
    const taken = results[index]!;
    const times = taken.map((sample) => sample.ms).sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    const largest = taken.reduce((most, sample) => (sample.uncompressed > most.uncompressed ? sample : most), taken[0]!);
    const errors = taken.filter((sample) => sample.status !== 200).length;
    const latencyGoal = p95 <= GOALS.coldP95Ms;
    const sizeGoal = !target.html || largest.uncompressed <= GOALS.htmlBytes;
    return [
      target.name,
      String(times.length),
      percentile(times, 50).toFixed(0),
      p95.toFixed(0),
      percentile(times, 99).toFixed(0),
      kilobytes(largest.uncompressed),
      kilobytes(largest.transferred),
      `${latencyGoal ? "pass" : "FAIL"}${target.html ? `, HTML ${sizeGoal ? "pass" : "FAIL"}` : ""}`,
      String(errors),
    ];
  });
}

// ---- 2. Made-up URLs ----

function madeUpUrl(index: number, host: string): string {
  switch (index % 4) {
    case 0:
      return `/?v=${index}`;
    case 1:
      return `/countries/${host}?v=${index}`;
    case 2:
      return `/search?q=${SEARCH_TERMS[index % SEARCH_TERMS.length]}${index}`;
    default:
      return `/api/v1/missions?changed_since=${new Date(Date.UTC(2020, 0, 1) + index * 1000).toISOString()}`;
  }
}

async function madeUpLoop(app: string, pid: number, facts: WorldFacts, count: number, maxSeconds: number): Promise<string[][]> {
  const hot = HOT_TARGETS.map((target) => target.path);
  for (const url of hot) await get(app, url);
  const before = residentMegabytes(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, residentMegabytes(pid))), 500);
  let next = 0;
  let failures = 0;
  let done = false;
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  const workers = Array.from({ length: MADE_UP_CONNECTIONS }, async () => {
    while (next < count && performance.now() < deadline) {
      const sample = await get(app, madeUpUrl(next++, facts.largestHost));
      if (sample.status !== 200) failures++;
    }
  });
  // Hot cached answers asked one at a time meanwhile: what a reader of a popular page waits.
  const hotTimes: number[] = [];
  const hotLoop = (async () => {
    for (let index = 0; !done; index++) hotTimes.push((await get(app, hot[index % hot.length]!)).ms);
  })();
  await Promise.all(workers);
  done = true;
  await hotLoop;
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const after = residentMegabytes(pid);
  peak = Math.max(peak, after);
  hotTimes.sort((a, b) => a - b);
  const hotP99 = percentile(hotTimes, 99);
  return [
    [`${next} of ${count} made-up URLs${next < count ? ` (stopped at ${maxSeconds} s)` : ""}, ${MADE_UP_CONNECTIONS} connections`, `${seconds.toFixed(0)} s`, `${(next / seconds).toFixed(1)} req/s`, String(failures), ""],
    ["server RSS before / peak / after", "", `${before.toFixed(0)} / ${peak.toFixed(0)} / ${after.toFixed(0)} MB`, "", `${peak < GOALS.rssMegabytes ? "pass" : "FAIL"} (< ${GOALS.rssMegabytes} MB)`],
    [`hot cached answers meanwhile (${hotTimes.length})`, "", `p50 ${percentile(hotTimes, 50).toFixed(1)} ms, p99 ${hotP99.toFixed(1)} ms`, "", `${hotP99 <= GOALS.hotP99Ms ? "pass" : "FAIL"} (p99 ≤ ${GOALS.hotP99Ms} ms)`],
  ];
}

const load = () => os.loadavg().map((value) => value.toFixed(2)).join(", ");

const SETTLED_LOAD = 1;
const MAX_SETTLE_MS = 120_000;

/** Waits (at most 2 min) for the 1-minute load average to fall below 1, so one database's loop
 * and hot runs do not slow the next one's cold samples; says how long it waited. */
async function settle(): Promise<string> {
  const started = performance.now();
  while (os.loadavg()[0]! >= SETTLED_LOAD && performance.now() - started < MAX_SETTLE_MS) await new Promise((resolve) => setTimeout(resolve, 1000));
  return `settled ${((performance.now() - started) / 1000).toFixed(0)} s to load ${os.loadavg()[0]!.toFixed(2)}`;
}

export async function runWorldBench(argv: string[] = process.argv.slice(2)) {
  const options = parseOptions(argv);
  const { BENCH_PORT: port, BENCH_SECONDS: seconds, BENCH_CONNECTIONS: connections } = benchEnv();
  ensureBuild();
  fs.mkdirSync(TMP, { recursive: true });
  const providers: Provider[] = options.db === "both" ? ["sqlite", "postgres"] : [options.db];
  for (const provider of providers) {
    const began = performance.now();
    console.log(`\n=== ${provider}: world bench (${options.history.toLocaleString("en")} history rows, ${options.samples} cold samples per target, ${options.urls.toLocaleString("en")} made-up URLs) ===`);
    console.log(`load average at start: ${load()} (${os.cpus().length} cores)`);
    const { url, facts, reused } = await worldDatabase(provider, options);
    console.log(`${reused ? "reused" : "generated"} ${url.replace(/^file:.*\//, "file:…/")}: ${facts.missions} missions, ${facts.historyRows.toLocaleString("en")} history rows; largest host ${facts.largestHost} (city ${facts.largestCity}), largest sender ${facts.largestSender}, busiest mission ${facts.busiestMission}`);
    const editor = createEditor(url);
    const app = await startApp(url, port);
    try {
      const cookie = await login(app.url, editor);
      const cursors = await cursorPages(app.url, "/api/v1/missions?sort=city&limit=100", 60);
      let phase = performance.now();
      if (options.parts.has("cold")) {
        console.log(await settle());
        phase = performance.now();
        const targets = coldTargets(facts, cursors, cookie).filter((target) => !options.only || options.only.some((part) => target.name.includes(part)));
        const cold = await coldPath(app.url, targets, options.samples, options["cold-seconds"]);
        console.log(`\nCold path (${provider}): ms per request, uncached, one at a time, Accept-Encoding: gzip; goals p95 ≤ ${GOALS.coldP95Ms} ms, HTML ≤ ${kilobytes(GOALS.htmlBytes)} (${((performance.now() - phase) / 1000).toFixed(0)} s, load average ${load()})`);
        printTable(["target", "n", "p50", "p95", "p99", "largest body", "transferred", "goals", "non-200"], cold);
      }
      if (options.parts.has("loop")) {
        phase = performance.now();
        const madeUp = await madeUpLoop(app.url, app.process.pid!, facts, options.urls, options["loop-seconds"]);
        console.log(`Made-up URLs (${provider}), cache size RESPONSE_CACHE_MB=${env().RESPONSE_CACHE_MB} (${((performance.now() - phase) / 1000).toFixed(0)} s)`);
        printTable(["part", "time", "figure", "non-200", "goal"], madeUp);
      }
      if (options.parts.has("hot")) {
        phase = performance.now();
        const hot = await hotPathRatios(app.url, port + 1, HOT_TARGETS, seconds, connections);
        console.log(`Hot paths (${provider}), ${connections} connections, ${seconds} s per run (${((performance.now() - phase) / 1000).toFixed(0)} s)`);
        printTable(HOT_PATH_HEADER, hot);
      }
    } finally {
      await stop(app.process);
    }
    console.log(`load average at end: ${load()}; ${provider} took ${((performance.now() - began) / 1000).toFixed(0)} s`);
  }
}
