// A real HTTP receiver for tests that verifies every webhook with the standardwebhooks
// library, and can fail, hang or recover on purpose.
import http from "node:http";
import { Webhook } from "standardwebhooks";
import { Arrivals } from "./arrivals";

export type Behaviour = "ok" | "fail" | "hang";

export interface Received {
  id: string;
  body: unknown;
  verified: boolean;
  /** Which of the known secrets verified it. */
  verifiedWith: string[];
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface WebhookReceiver {
  url: string;
  received: Received[];
  behaviour: Behaviour;
  secrets: string[];
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const hanging: http.ServerResponse[] = [];
  const arrivals = new Arrivals<Received>();
  const receiver: WebhookReceiver = {
    url: "",
    received: arrivals.items,
    behaviour: "ok",
    secrets: [],
    waitFor: (count, timeoutMs = 10_000) => arrivals.waitFor(count, timeoutMs, "webhook(s)"),
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const payload = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      const verifiedWith = receiver.secrets.filter((secret) => {
        try {
          new Webhook(secret).verify(payload, headers);
          return true;
        } catch {
          return false;
        }
      });
      const behaviour = receiver.behaviour;
      arrivals.push({ id: headers["webhook-id"] ?? "", body: JSON.parse(payload), verified: verifiedWith.length > 0, verifiedWith, headers: request.headers, at: Date.now() });
      if (behaviour === "hang") return void hanging.push(response);
      response.writeHead(behaviour === "ok" ? 204 : 503).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks`;
  return receiver;
}
