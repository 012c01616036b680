// Watched sources end to end on a real database and a real local HTTP server: the fetch job on
// the scheduler (conditional GET, failures and backoff, every kind of source), proposals (one per
// notice and mission, re-verification when nothing changes), accept / dismiss through the
// routes, "test" that stores nothing, and several workers on PostgreSQL fetching once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as acceptRoute from "@/app/api/admin/proposals/[id]/accept/route";
import * as dismissRoute from "@/app/api/admin/proposals/[id]/dismiss/route";
import * as proposalsRoute from "@/app/api/admin/proposals/route";
import * as sourceRoute from "@/app/api/admin/sources/[id]/route";
import * as sourcesRoute from "@/app/api/admin/sources/route";
import * as trialRoute from "@/app/api/admin/sources/test/route";
import { getDb } from "@/lib/db/client";
import { createDb, isPostgresClient, type Db } from "@/lib/db/create";
import { runDueJobs, type JobLog } from "@/lib/jobs/run";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { armSourceJob, createSourceFetchJob, sourceJobKey } from "@/lib/sources/fetch-job";
import { trialSource } from "@/lib/sources/commands";
import { seedWatchedSources } from "@/lib/sources/seed-sources";
import { claimDueJobs } from "@/lib/jobs/claim";
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from "@/lib/sources/safe-fetch";
import type { SourceKind } from "@/lib/sources/schema";
import type { PendingProposal } from "@/lib/sources/types";
import { HOUR, ManualClock, MINUTE } from "../clock";
import { createMission, EDITOR } from "../factories";
import { call, createUserWithSession } from "../http";
import { aaTravelWarning, govukTravelAdvice, rssFeed, startNoticeServer, webPage, type FeedItem, type NoticeServer } from "../notice-server";

const provider = process.env.TEST_DB_PROVIDER;
let server: NoticeServer;
const policy: FetchPolicy = { ...DEFAULT_FETCH_POLICY, timeoutMs: 2000, allowPrivate: ["127.0.0.1"] };
const quiet: JobLog = { warn: () => undefined, error: () => undefined };
// Every test source is on one host (the local server): politeness has its own test.
const job = createSourceFetchJob({ watching: () => true, policy: () => policy, hostGapMs: 0 });

beforeAll(async () => {
  server = await startNoticeServer();
});
afterAll(() => server.close());

let clock: ManualClock;
beforeEach(() => {
  clock = new ManualClock(new Date());
});

const run = (db: Db = getDb(), owner?: string) => runDueJobs(db, [job], { clock, log: quiet, ...(owner ? { owner, batchSize: 1 } : {}) });

let paths = 0;
async function addSource(kind: SourceKind, path: string, missionIds: number[], overrides: Partial<{ language: string; intervalMinutes: number }> = {}, origin = server.origin) {
  const db = getDb();
  const source = await db.source.create({
    data: { name: `Test source ${++paths}`, url: `${origin}${path}`, kind, language: "en", missionIds: JSON.stringify(missionIds), enabled: true, nextFetchAt: clock.now(), intervalMinutes: 60, ...overrides },
  });
  await db.$transaction((tx) => armSourceJob(tx, source.id, clock.now()));
  return source;
}

const item = (guid: string, title: string, html: string, minutesAgo = 5): FeedItem => ({
  guid,
  title,
  html,
  link: `https://embassy.test/alerts/${guid}`,
  pubDate: new Date(clock.now().getTime() - minutesAgo * MINUTE),
});

const ROUTINE = (): FeedItem => item("routine-1", "Message: passport fees", "<p>From next month the passport fee changes.</p>", 60 * 24);
const CLOSURE = (): FeedItem => item("closure-1", "Security Alert: Embassy closure", "<p>The Embassy will be closed <strong>until further notice</strong> because of a threat of air attacks.</p>");

async function missionWithStatus(status: "open" | "closed" | null) {
  const db = getDb();
  const mission = await createMission(db, { sendingCode: "US" });
  if (status) {
    await db.$transaction((tx) =>
      recordStatusChange(tx, { missionId: mission.id, status, reason: `Reported ${status}`, sourceUrl: "https://example.org/r", sourceTitle: null, effectiveAt: new Date(Date.now() - HOUR), recordedAt: new Date(Date.now() - HOUR), expectedVersion: 0, author: EDITOR }),
    );
  }
  return getDb().mission.findUniqueOrThrow({ where: { id: mission.id } });
}

describe("the fetch job", () => {
  it("turns a new closure alert into one proposal, sends conditional GETs, and a changed ETag with the same items adds nothing", async () => {
    const db = getDb();
    const mission = await missionWithStatus("open");
    server.set("/rss-1", { body: rssFeed([ROUTINE()]), type: "application/rss+xml", etag: '"a"' });
    const source = await addSource("rss", "/rss-1", [mission.id]);
    expect((await run()).done).toBe(1);
    expect(await db.proposal.count({ where: { sourceId: source.id } })).toBe(0);
    expect(await db.source.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({ etag: '"a"', lastError: null, failures: 0 });

    // Not due yet: the job does not fetch again.
    expect((await run()).done).toBe(0);
    clock.advance(60 * MINUTE);
    await run();
    expect(server.requestsTo("/rss-1").at(-1)?.ifNoneMatch).toBe('"a"');
    expect(server.requestsTo("/rss-1")).toHaveLength(2);

    server.set("/rss-1", { body: rssFeed([CLOSURE(), ROUTINE()]), type: "application/rss+xml", etag: '"b"' });
    clock.advance(60 * MINUTE);
    await run();
    const proposals = await db.proposal.findMany({ where: { sourceId: source.id } });
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({
      missionId: mission.id,
      kind: "change",
      classification: "closed",
      suggestedStatus: "closed",
      untilPhrase: "until further notice",
      until: null,
      link: "https://embassy.test/alerts/closure-1",
      state: "pending",
    });
    expect(proposals[0]!.triggerPhrase).toMatch(/Embassy will be closed/);
    expect(proposals[0]!.excerpt).toMatch(/threat of air attacks/);

    // Same content under a new ETag: fetched, nothing new proposed.
    server.set("/rss-1", { body: rssFeed([CLOSURE(), ROUTINE()]), type: "application/rss+xml", etag: '"c"' });
    clock.advance(60 * MINUTE);
    await run();
    expect(await db.proposal.count({ where: { sourceId: source.id } })).toBe(1);
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).etag).toBe('"c"');
  });

  it("records a 500 and malformed XML as the source's last error, backs off, and recovers", async () => {
    const db = getDb();
    const mission = await missionWithStatus("open");
    server.set("/rss-broken", { body: "", type: "text/plain", status: 500 });
    const source = await addSource("rss", "/rss-broken", [mission.id], { intervalMinutes: 30 });
    await run();
    let state = await db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(state).toMatchObject({ failures: 1, lastError: expect.stringMatching(/HTTP 500/) });
    expect(state.nextFetchAt!.getTime() - clock.now().getTime()).toBe(30 * MINUTE);

    server.set("/rss-broken", { body: "<rss><channel><item><title>Embassy closed</title></item>", type: "application/rss+xml" });
    clock.advance(30 * MINUTE);
    await run();
    state = await db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(state).toMatchObject({ failures: 2, lastError: expect.stringMatching(/malformed XML/) });
    expect(state.nextFetchAt!.getTime() - clock.now().getTime()).toBe(60 * MINUTE);
    // The job stays pending for the next try: failures are the source's, not the job's.
    expect(await db.job.findUniqueOrThrow({ where: { key: sourceJobKey(source.id) } })).toMatchObject({ state: "pending", runAt: state.nextFetchAt });

    server.set("/rss-broken", { body: rssFeed([CLOSURE()]), type: "application/rss+xml" });
    clock.advance(60 * MINUTE);
    await run();
    state = await db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(state).toMatchObject({ failures: 0, lastError: null });
    expect(await db.proposal.count({ where: { sourceId: source.id } })).toBe(1);
  });

  it("reads GOV.UK travel advice, a German travel warning and a changed web page", async () => {
    const db = getDb();
    const mission = await missionWithStatus("open");
    server.set("/govuk", { body: govukTravelAdvice("Latest update: the British Embassy in Kyiv is closed to the public today.", clock.now()), type: "application/json" });
    server.set("/aa", { body: aaTravelWarning("<h2>Aktuelles</h2><p>Die Botschaft Kiew ist bis auf Weiteres geschlossen.</p>", clock.now()), type: "application/json" });
    server.set("/page", { body: webPage(["Welcome to the Embassy.", "Opening hours: 9 to 5."]), type: "text/html; charset=utf-8" });
    const govuk = await addSource("govuk", "/govuk", [mission.id]);
    const aa = await addSource("de-aa", "/aa", [mission.id], { language: "de" });
    const page = await addSource("webpage", "/page", [mission.id]);
    await run();
    expect(await db.proposal.findFirst({ where: { sourceId: govuk.id } })).toMatchObject({ suggestedStatus: "closed", link: "https://www.gov.uk/foreign-travel-advice/ukraine" });
    expect(await db.proposal.findFirst({ where: { sourceId: aa.id } })).toMatchObject({ suggestedStatus: "closed", untilPhrase: "bis auf Weiteres" });
    // Republished with a new timestamp, the same words: still one proposal.
    server.set("/govuk", { body: govukTravelAdvice("Latest update: the British Embassy in Kyiv is closed to the public today.", new Date(clock.now().getTime() + MINUTE)), type: "application/json" });
    // The first read of a page is its baseline; the script's text is not the page's.
    expect(await db.proposal.count({ where: { sourceId: page.id } })).toBe(0);
    expect((await db.source.findUniqueOrThrow({ where: { id: page.id } })).lastText).not.toMatch(/var x/);

    server.set("/page", { body: webPage(["Welcome to the Embassy.", "The Embassy is closed today because of an air alert.", "Opening hours: 9 to 5."]), type: "text/html; charset=utf-8" });
    clock.advance(61 * MINUTE);
    await run();
    expect(await db.proposal.count({ where: { sourceId: govuk.id } })).toBe(1);
    const fromPage = await db.proposal.findFirstOrThrow({ where: { sourceId: page.id } });
    expect(fromPage).toMatchObject({ suggestedStatus: "closed", diff: "The Embassy is closed today because of an air alert." });
  });

  it("proposes a re-verification when the notice repeats the status in force", async () => {
    const db = getDb();
    const mission = await missionWithStatus("closed");
    server.set("/rss-repeat", { body: rssFeed([CLOSURE()]), type: "application/rss+xml" });
    const source = await addSource("rss", "/rss-repeat", [mission.id]);
    await run();
    expect(await db.proposal.findFirstOrThrow({ where: { sourceId: source.id } })).toMatchObject({ kind: "reverify", suggestedStatus: "closed" });
  });

  it("does not fetch while watching is off, nor a paused source", async () => {
    const db = getDb();
    const mission = await missionWithStatus("open");
    server.set("/rss-off", { body: rssFeed([CLOSURE()]), type: "application/rss+xml" });
    const source = await addSource("rss", "/rss-off", [mission.id]);
    await runDueJobs(db, [createSourceFetchJob({ watching: () => false, policy: () => policy })], { clock, log: quiet });
    expect(server.requestsTo("/rss-off")).toHaveLength(0);
    await db.source.update({ where: { id: source.id }, data: { enabled: false } });
    clock.advance(60 * MINUTE);
    await run();
    expect(server.requestsTo("/rss-off")).toHaveLength(0);
    expect((await db.job.findUniqueOrThrow({ where: { key: sourceJobKey(source.id) } })).state).toBe("done");
  });
});

describe("a crash mid-fetch", () => {
  it("loses nothing: the lease runs out, another worker fetches and stores the proposal once", async () => {
    const db = getDb();
    const mission = await missionWithStatus("open");
    server.set("/rss-crash", { body: rssFeed([CLOSURE()]), type: "application/rss+xml" });
    const source = await addSource("rss", "/rss-crash", [mission.id]);
    // A worker claims the job and dies before committing anything.
    const claimed = await claimDueJobs(db, { queues: [job.queue], owner: "crashed", now: clock.now(), leaseMs: 30_000, limit: 10 });
    expect(claimed.map((entry) => entry.key)).toContain(sourceJobKey(source.id));
    await run();
    expect(await db.proposal.count({ where: { sourceId: source.id } })).toBe(0);
    clock.advance(31_000);
    await run();
    expect(await db.proposal.count({ where: { sourceId: source.id } })).toBe(1);
    expect(server.requestsTo("/rss-crash")).toHaveLength(1);
  });
});

describe("the seed", () => {
  it("adds the real Kyiv sources disabled, with no job, once", async () => {
    const db = getDb();
    await seedWatchedSources(db);
    await seedWatchedSources(db);
    const seeded = await db.source.findMany({ where: { url: { startsWith: "https://" } } });
    expect(seeded.map((source) => [source.kind, source.sendingCode, source.enabled]).sort()).toEqual([
      ["de-aa", "DE", false],
      ["govuk", "GB", false],
      ["rss", "US", false],
    ]);
    expect(await db.job.count({ where: { key: { in: seeded.map((source) => sourceJobKey(source.id)) } } })).toBe(0);
  });
});

describe("politeness", () => {
  it("fetches two sources on one host at least HOST_GAP_MS apart", async () => {
    const mission = await missionWithStatus("open");
    server.set("/polite-1", { body: rssFeed([ROUTINE()]), type: "application/rss+xml" });
    server.set("/polite-2", { body: rssFeed([ROUTINE()]), type: "application/rss+xml" });
    // Another host name than the other tests' sources.
    await addSource("rss", "/polite-1", [mission.id], {}, server.namedOrigin);
    await addSource("rss", "/polite-2", [mission.id], {}, server.namedOrigin);
    const polite = createSourceFetchJob({ watching: () => true, policy: () => ({ ...policy, allowPrivate: ["localhost"] }), hostGapMs: 10_000 });
    await runDueJobs(getDb(), [polite], { clock, log: quiet });
    expect(server.requestsTo("/polite-1").length + server.requestsTo("/polite-2").length).toBe(1);
    clock.advance(10_000);
    await runDueJobs(getDb(), [polite], { clock, log: quiet });
    expect([server.requestsTo("/polite-1").length, server.requestsTo("/polite-2").length]).toEqual([1, 1]);
  });
});

describe("deciding proposals through the routes", () => {
  async function pendingFor(token: string, missionId: number): Promise<PendingProposal> {
    const listed = await call(proposalsRoute.GET, { method: "GET", token });
    const proposals = (listed.json.proposals as PendingProposal[]).filter((proposal) => proposal.mission.id === missionId);
    expect(proposals).toHaveLength(1);
    return proposals[0]!;
  }

  it("accepts: the status changes citing the notice, counted as a verification; a second accept is a 409", async () => {
    const db = getDb();
    const mission = await missionWithStatus("open");
    server.set("/rss-accept", { body: rssFeed([CLOSURE()]), type: "application/rss+xml" });
    await addSource("rss", "/rss-accept", [mission.id]);
    await run();
    const { token } = await createUserWithSession(db, { hostScope: "UA" });
    const proposal = await pendingFor(token, mission.id);
    expect(proposal).toMatchObject({ suggestedStatus: "closed", mission: { status: "open", version: mission.version } });
    const accepted = await call(acceptRoute.POST, { token, params: { id: String(proposal.id) }, body: { expectedVersion: mission.version } });
    expect(accepted.status).toBe(200);
    const after = await db.mission.findUniqueOrThrow({ where: { id: mission.id } });
    expect(after).toMatchObject({ status: "closed", sourceUrl: "https://embassy.test/alerts/closure-1", statusUntil: null });
    expect(after.sourceTitle).toMatch(/Security Alert: Embassy closure/);
    expect(after.verifiedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).state).toBe("accepted");
    const again = await call(acceptRoute.POST, { token, params: { id: String(proposal.id) }, body: { expectedVersion: after.version } });
    expect(again.status).toBe(409);
  });

  it("accepts edited (limited instead of closed), and a stale version is a 409 that leaves the proposal pending", async () => {
    const db = getDb();
    const mission = await missionWithStatus("open");
    server.set("/rss-edit", { body: rssFeed([CLOSURE()]), type: "application/rss+xml" });
    await addSource("rss", "/rss-edit", [mission.id]);
    await run();
    const { token } = await createUserWithSession(db, { hostScope: "UA" });
    const proposal = await pendingFor(token, mission.id);
    const stale = await call(acceptRoute.POST, { token, params: { id: String(proposal.id) }, body: { expectedVersion: mission.version + 5 } });
    expect(stale.status).toBe(409);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).state).toBe("pending");
    const edited = await call(acceptRoute.POST, { token, params: { id: String(proposal.id) }, body: { expectedVersion: mission.version, status: "limited", reason: "Emergency services only, per the alert." } });
    expect(edited.status).toBe(200);
    expect(await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).toMatchObject({ status: "limited", statusReason: "Emergency services only, per the alert." });
  });

  it("dismisses with a reason (required), and an editor outside the host scope sees nothing and may not decide", async () => {
    const db = getDb();
    const mission = await missionWithStatus("open");
    server.set("/rss-dismiss", { body: rssFeed([CLOSURE()]), type: "application/rss+xml" });
    await addSource("rss", "/rss-dismiss", [mission.id]);
    await run();
    const { token } = await createUserWithSession(db, { hostScope: "UA" });
    const outsider = await createUserWithSession(db, { hostScope: "PL" });
    const proposal = await pendingFor(token, mission.id);
    const listedForOutsider = await call(proposalsRoute.GET, { method: "GET", token: outsider.token });
    expect((listedForOutsider.json.proposals as PendingProposal[]).some((entry) => entry.id === proposal.id)).toBe(false);
    const forbidden = await call(acceptRoute.POST, { token: outsider.token, params: { id: String(proposal.id) }, body: { expectedVersion: mission.version } });
    expect(forbidden.status).toBe(403);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).state).toBe("pending");
    const noReason = await call(dismissRoute.POST, { token, params: { id: String(proposal.id) }, body: {} });
    expect(noReason.status).toBe(422);
    expect(noReason.error?.fields?.[0]?.field).toBe("reason");
    const dismissed = await call(dismissRoute.POST, { token, params: { id: String(proposal.id) }, body: { reason: "Old alert, already handled" } });
    expect(dismissed.status).toBe(200);
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ state: "dismissed", dismissReason: "Old alert, already handled" });
    expect(await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).toMatchObject({ status: "open" });
  });
});

describe("managing sources", () => {
  it("lets admins add, pause and delete sources; editors may not; bad input names the field", async () => {
    const db = getDb();
    const mission = await missionWithStatus("open");
    const admin = await createUserWithSession(db, { role: "admin" });
    const editor = await createUserWithSession(db);
    const body = { name: "US Embassy alerts", url: "https://ua.usembassy.gov/category/alert/feed/", kind: "rss", language: "en", missionIds: [mission.id] };
    expect((await call(sourcesRoute.POST, { token: editor.token, body })).status).toBe(403);
    const badKind = await call(sourcesRoute.POST, { token: admin.token, body: { ...body, kind: "gopher" } });
    expect([badKind.status, badKind.error?.fields?.map((field) => field.field)]).toEqual([422, ["kind"]]);
    const noScope = await call(sourcesRoute.POST, { token: admin.token, body: { ...body, missionIds: [] } });
    expect([noScope.status, noScope.error?.fields?.map((field) => field.field)]).toEqual([422, ["missionIds"]]);
    const badUrl = await call(sourcesRoute.POST, { token: admin.token, body: { ...body, url: "file:///etc/passwd" } });
    expect([badUrl.status, badUrl.error?.fields?.map((field) => field.field)]).toEqual([422, ["url"]]);
    const created = await call(sourcesRoute.POST, { token: admin.token, body });
    expect(created.status).toBe(201);
    const id = String((created.json.source as { id: number }).id);
    // Added disabled: no job, nothing fetched.
    expect(await db.job.count({ where: { key: sourceJobKey(Number(id)) } })).toBe(0);
    const enabled = await call(sourceRoute.PATCH, { method: "PATCH", token: admin.token, params: { id }, body: { enabled: true } });
    expect(enabled.status).toBe(200);
    expect(await db.job.findUniqueOrThrow({ where: { key: sourceJobKey(Number(id)) } })).toMatchObject({ state: "pending" });
    // "Fetch now" keeps it enabled.
    expect((await call(sourceRoute.PATCH, { method: "PATCH", token: admin.token, params: { id }, body: { fetchNow: true } })).json).toMatchObject({ source: { enabled: true } });
    expect((await call(sourceRoute.PATCH, { method: "PATCH", token: admin.token, params: { id }, body: {} })).status).toBe(422);
    expect((await call(sourceRoute.PATCH, { method: "PATCH", token: admin.token, params: { id }, body: { enabled: false } })).status).toBe(200);
    expect((await call(sourceRoute.DELETE, { method: "DELETE", token: admin.token, params: { id } })).status).toBe(200);
    expect(await db.source.count({ where: { id: Number(id) } })).toBe(0);
    expect((await call(sourceRoute.DELETE, { method: "DELETE", token: admin.token, params: { id } })).status).toBe(404);
  });

  it("tests a source without storing anything, and the route refuses loopback without the allow-list", async () => {
    const db = getDb();
    const mission = await missionWithStatus("open");
    server.set("/rss-trial", { body: rssFeed([CLOSURE(), ROUTINE()]), type: "application/rss+xml", etag: '"t"' });
    const before = await db.proposal.count();
    const trial = await trialSource(db, { url: `${server.origin}/rss-trial`, kind: "rss", language: "en", missionIds: [mission.id], sendingCode: null, hostCode: null }, { policy, clock });
    expect(trial.outcome).toBe("fetched");
    expect(trial.notices.map((notice) => notice.class)).toEqual(["closed", "none"]);
    expect(trial.proposals).toHaveLength(1);
    expect(trial.proposals[0]).toMatchObject({ suggestedStatus: "closed", missionId: mission.id });
    expect(await db.proposal.count()).toBe(before);
    const admin = await createUserWithSession(db, { role: "admin" });
    const refused = await call(trialRoute.POST, { token: admin.token, body: { url: `${server.origin}/rss-trial`, kind: "rss", language: "en", missionIds: [mission.id] } });
    expect(refused.status).toBe(200);
    expect(refused.json).toMatchObject({ outcome: "failed", error: expect.stringMatching(/non-public address/) });
  });
});

describe.runIf(provider === "postgres")("several workers on one PostgreSQL", () => {
  it("fetch each source once per interval", async () => {
    const db = getDb();
    const other = createDb(process.env.DATABASE_URL!);
    expect([isPostgresClient(db), isPostgresClient(other)]).toEqual([true, true]);
    try {
      const mission = await missionWithStatus("open");
      const paths = ["/pg-1", "/pg-2", "/pg-3", "/pg-4", "/pg-5"];
      for (const path of paths) {
        server.set(path, { body: rssFeed([CLOSURE()]), type: "application/rss+xml" });
        await addSource("rss", path, [mission.id]);
      }
      const round = () => Promise.all([db, other, db, other].map((client, n) => run(client, `worker-${n}`)));
      await round();
      await round();
      expect(paths.map((path) => server.requestsTo(path).length)).toEqual([1, 1, 1, 1, 1]);
      clock.advance(60 * MINUTE);
      await round();
      expect(paths.map((path) => server.requestsTo(path).length)).toEqual([2, 2, 2, 2, 2]);
      // One proposal per notice and mission, whoever fetched it.
      expect(await db.proposal.count({ where: { missionId: mission.id } })).toBe(5);
    } finally {
      await other.$disconnect();
    }
  });
});
