// Measures the delivery lag against a running server: from the moment a status change's POST
// returns (the change is committed) to the mail arriving at a real SMTP server and to the
// signed webhook arriving (and verifying) at a real receiver, both started here.
// The server must send to them: start it with SMTP_URL=smtp://127.0.0.1:<smtp port> and
// OUTBOUND_ALLOWED_ADDRESSES=127.0.0.1.
// Usage: printf '%s\n' "$PASSWORD" | tsx scripts/measure-delivery-lag.ts <server URL> <admin email> [slug] [runs] [smtp port] [webhook port]
import fs from "node:fs";
import http from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { Webhook } from "standardwebhooks";

const [base = "http://127.0.0.1:3000", email, slug = "us-embassy-kyiv", runsText = "10", smtpPortText = "2525", hookPortText = "2526"] = process.argv.slice(2);
const arrivals = { mail: [] as Array<{ at: number; subject: string; text: string }>, hook: [] as Array<{ at: number; verified: boolean; changeId: number }> };
let secret = "";

function startSmtp() {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        arrivals.mail.push({ at: Date.now(), subject: mail.subject ?? "", text: mail.text ?? "" });
        callback();
      }, callback);
    },
  });
  return new Promise<SMTPServer>((resolve) => server.listen(Number(smtpPortText), "127.0.0.1", () => resolve(server)));
}

function startReceiver() {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const at = Date.now();
      const body = Buffer.concat(chunks).toString("utf8");
      let verified = false;
      try {
        new Webhook(secret).verify(body, Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)])));
        verified = true;
      } catch {
        verified = false;
      }
      const parsed = JSON.parse(body) as { data?: { changeId?: number } };
      arrivals.hook.push({ at, verified, changeId: parsed.data?.changeId ?? 0 });
      response.writeHead(204).end();
    });
  });
  return new Promise<http.Server>((resolve) => server.listen(Number(hookPortText), "127.0.0.1", () => resolve(server)));
}

async function api<T>(path: string, cookie: string, body?: unknown, method = body === undefined ? "GET" : "POST"): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json", origin: base, cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function until<T>(find: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  if (!email) throw new Error("usage: measure-delivery-lag.ts <server URL> <admin email> [slug] [runs] [smtp port] [webhook port] (password on stdin)");
  const smtp = await startSmtp();
  const receiver = await startReceiver();
  const password = fs.readFileSync(0, "utf8").split("\n")[0];
  const login = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify({ email, password }) });
  const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
  if (!login.ok) throw new Error(`Login failed: ${login.status}`);

  const { missions } = await api<{ missions: Array<{ id: number; slug: string }> }>("/api/admin/missions", cookie);
  const target = missions.find((mission) => mission.slug === slug);
  if (!target) throw new Error(`No mission ${slug}`);
  const created = await api<{ secret: string }>("/api/admin/webhooks", cookie, { url: `http://127.0.0.1:${hookPortText}/lag`, description: "lag measurement", scope: { kind: "mission", missionId: target.id } });
  secret = created.secret;
  await api("/api/subscriptions", "", { email: `lag-${Date.now()}@example.org`, scope: { kind: "mission", missionId: target.id } });
  const confirmMail = await until(() => arrivals.mail.find((mail) => mail.subject.startsWith("Confirm")), "the confirmation mail");
  const token = new URL(/https?:\/\/\S+\/subscriptions\/confirm\S*/.exec(confirmMail.text)![0]).searchParams.get("token");
  await api("/api/subscriptions/confirm", "", { token });

  const mailLags: number[] = [];
  const hookLags: number[] = [];
  for (let run = 0; run < Number(runsText); run++) {
    const listed = await api<{ missions: Array<{ id: number; version: number; status: string | null }> }>(`/api/admin/missions`, cookie);
    const mission = listed.missions.find((candidate) => candidate.id === target.id)!;
    const next = mission.status === "closed" ? "open" : "closed";
    const mailsBefore = arrivals.mail.length;
    const hooksBefore = arrivals.hook.length;
    const sent = Date.now();
    await api(`/api/admin/missions/${target.id}/status`, cookie, { status: next, reason: "Lag measurement", sourceUrl: "https://example.org/lag", expectedVersion: mission.version });
    const committed = Date.now();
    const mail = await until(() => arrivals.mail[mailsBefore], "the mail");
    // Endpoints left by an earlier run sign with their own secrets: wait for this run's one.
    const hook = await until(() => arrivals.hook.slice(hooksBefore).find((arrival) => arrival.verified), "a webhook that verifies");
    // From the moment the POST was sent (an upper bound: the commit happens before the answer,
    // and the webhook may even arrive before the answer does).
    mailLags.push(mail.at - sent);
    hookLags.push(hook.at - sent);
    console.log(`run ${run + 1}: change answered in ${committed - sent} ms; mail ${mail.at - sent} ms, webhook ${hook.at - sent} ms after the POST was sent`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.log(`mail: median ${median(mailLags)} ms, max ${Math.max(...mailLags)} ms; webhook: median ${median(hookLags)} ms, max ${Math.max(...hookLags)} ms (${mailLags.length} runs, from the POST being sent)`);
  smtp.close();
  receiver.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
