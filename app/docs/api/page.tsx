import type { Metadata } from "next";
import { createOpenApiDocument } from "@/lib/api/openapi";
import { EMBED_COLUMNS } from "@/lib/embed/params";

export const metadata: Metadata = { title: "Open data API" };
export const dynamic = "force-dynamic";

interface Parameter {
  name: string;
  in: string;
  description?: string;
  required?: boolean;
}

const EXAMPLES: Record<string, string> = {
  "/missions": "/api/v1/missions?host=UA&city=Kyiv&status=closed,limited&limit=20",
  "/missions.csv": "/api/v1/missions.csv?host=UA",
  "/missions/{slug}": "/api/v1/missions/us-embassy-kyiv",
  "/missions/{slug}/history": "/api/v1/missions/us-embassy-kyiv/history",
  "/missions/{slug}/badge.svg": "/api/v1/missions/us-embassy-kyiv/badge.svg",
  "/events": "/api/v1/events",
  "/countries": "/api/v1/countries",
  "/changes": "/api/v1/changes?host=UA&city=Kyiv&from=2024-11-19T12:00:00%2B02:00&to=2024-11-20T10:00:00%2B02:00",
  "/changes.csv": "/api/v1/changes.csv?host=UA&from=2024-11-19T12:00:00%2B02:00&to=2024-11-20T10:00:00%2B02:00",
  "/changes.atom": "/api/v1/changes.atom?host=UA",
  "/changes.json": "/api/v1/changes.json?sending=US,GB",
};

export default function ApiDocsPage() {
  const document = createOpenApiDocument();
  const paths = Object.entries(document.paths ?? {});
  return (
    <article className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">Open data API</h1>
      <p>{document.info.description}</p>
      <p>
        The machine-readable description is the <a className="underline" href="/api/v1/openapi.json">OpenAPI 3.1 document</a>. All endpoints
        answer <code>GET</code> (and <code>HEAD</code>) from any origin, without a key. Data is CC0.
      </p>
      <section aria-labelledby="conventions" className="space-y-2">
        <h2 id="conventions" className="text-xl font-semibold">Conventions</h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>Statuses are <code>open</code>, <code>limited</code> or <code>closed</code>; <code>null</code> means none was reported.</li>
          <li>
            Every status says how fresh it is: <code>verifiedAt</code> (when a source last confirmed it) and <code>freshness</code>:{" "}
            <code>fresh</code>, <code>due</code> (still confirmed, past 75 % of the host country&apos;s window), <code>stale</code> or{" "}
            <code>unconfirmed</code> (e.g. expected after an earlier status ended). <code>statusText</code> says it in words, as the
            dashboard does. <code>confirmed=1</code> keeps only confirmed statuses (fresh or due).
          </li>
          <li>Times are ISO 8601 in UTC; each mission also gives its IANA time zone.</li>
          <li>Lists are sorted stably (the chosen key, then sending country, city and id). Follow <code>nextCursor</code> to page.</li>
          <li>
            Every error has one shape: <code>{"{"}&quot;error&quot;: {"{"} &quot;code&quot;, &quot;status&quot;, &quot;message&quot;, &quot;fields&quot; {"}"}{"}"}</code>. A bad
            parameter answers <code>400</code> (<code>bad_request</code>) with <code>error.fields</code> naming each one; an unknown slug answers{" "}
            <code>404</code> (<code>not_found</code>); a busy database answers <code>503</code> (<code>busy</code>) with <code>Retry-After</code>.
          </li>
          <li>
            Time travel: every endpoint with an <code>at</code> parameter shows the data as it stood at that moment (ISO 8601 with an offset,
            e.g. <code>at=2024-11-20T10:00:00+02:00</code>; write the <code>+</code> as <code>%2B</code> in a URL). <code>known=now</code> (the default) replays everything known today about that moment, later corrections included;{" "}
            <code>known=then</code> only what had been recorded by it: what the public was shown. A past view as known then never changes: its{" "}
            <code>ETag</code> is permanent and it is sent with <code>Cache-Control: public, max-age=31536000, immutable</code>.
          </li>
          <li>Every answer has an <code>ETag</code>: send it back as <code>If-None-Match</code> to get <code>304 Not Modified</code>. Shared caches may keep answers 2 s and serve them 2 s more while revalidating, so an edit shows everywhere within 5 s.</li>
        </ul>
      </section>
      <section aria-labelledby="endpoints" className="space-y-4">
        <h2 id="endpoints" className="text-xl font-semibold">Endpoints</h2>
        {paths.map(([path, item]) => {
          const operation = item?.get;
          if (!operation) return null;
          const parameters = (operation.parameters ?? []) as Parameter[];
          const example = EXAMPLES[path];
          return (
            <section key={path} aria-labelledby={`op-${operation.operationId}`} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 id={`op-${operation.operationId}`} className="font-mono font-semibold">GET /api/v1{path}</h3>
              <p>{operation.summary}</p>
              {parameters.length > 0 && (
                <table className="mt-2 w-full text-sm">
                  <caption className="sr-only">Parameters of {path}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="text-left">Parameter</th>
                      <th scope="col" className="text-left">Meaning</th>
                    </tr>
                  </thead>
                  <tbody>
                    {parameters.map((parameter) => (
                      <tr key={`${parameter.in}-${parameter.name}`}>
                        <th scope="row" className="pr-3 text-left font-mono font-normal">{parameter.name}</th>
                        <td>{parameter.description ?? (parameter.in === "path" ? "Identifier from a list answer" : "")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {example && (
                <p className="mt-2 text-sm">
                  Example: <a className="break-all font-mono underline" href={example}>{example}</a>
                </p>
              )}
            </section>
          );
        })}
      </section>
      <section aria-labelledby="webhooks" className="space-y-2">
        <h2 id="webhooks" className="text-xl font-semibold">Webhooks</h2>
        <p>
          Admins register endpoints (all missions, a host or sending country, or one mission). Each status change is POSTed as JSON
          (<code>mission.status_changed</code>, described in the OpenAPI document&rsquo;s <code>webhooks</code> section) and signed per{" "}
          <a className="underline" href="https://www.standardwebhooks.com/">Standard Webhooks</a>: headers <code>webhook-id</code>,{" "}
          <code>webhook-timestamp</code> and <code>webhook-signature</code>. The same <code>webhook-id</code> comes with every retry: deduplicate on it.
          Answer 2xx within 10 seconds; anything else is retried for about a day, then the endpoint is disabled. During a secret rotation both the
          old and the new secret sign for a day. Verify with the <code>standardwebhooks</code> package (npm, PyPI, and others):
        </p>
        {/* Focusable: a keyboard user must be able to scroll the wide example sideways. */}
        <pre tabIndex={0} className="overflow-x-auto rounded bg-slate-100 p-3 text-xs">{`import { Webhook } from "standardwebhooks";

const webhook = new Webhook(process.env.CHANCERY_WEBHOOK_SECRET); // "whsec_…"

export async function POST(request) {
  const body = await request.text(); // the raw body, before any JSON parsing
  let event;
  try {
    event = webhook.verify(body, Object.fromEntries(request.headers)); // throws if forged or older than 5 min
  } catch {
    return new Response("bad signature", { status: 400 });
  }
  if (await alreadySeen(request.headers.get("webhook-id"))) return new Response(null, { status: 204 });
  console.log(event.data.mission.name, event.data.status, event.data.text);
  return new Response(null, { status: 204 });
}`}</pre>
      </section>
      <section aria-labelledby="embed" className="space-y-2">
        <h2 id="embed" className="text-xl font-semibold">Embedding a table</h2>
        <p>
          Use &ldquo;Embed this table&rdquo; on a country page, or write the snippet yourself. The <code>data-chancery-embed</code> value takes the
          parameters <code>host</code>, <code>city</code>, <code>sending</code>, <code>status</code>, <code>type</code>, <code>sort</code>,{" "}
          <code>dir</code>, <code>columns</code> (any of {EMBED_COLUMNS.join(", ")}), <code>compact=1</code>, <code>theme</code> (auto, light, dark),{" "}
          <code>lang</code> (en), <code>title</code>, and <code>at</code> and <code>known</code> to freeze it at a moment (&ldquo;As at
          publication&rdquo; in the builder).
        </p>
        <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-xs">{`<div data-chancery-embed="host=UA&amp;city=Kyiv&amp;status=closed,limited"></div>
<script src="https://YOUR-CHANCERY-HOST/embed.js" async></script>`}</pre>
        <p>The table itself is <code>/embed?…</code> with the same parameters; it works without JavaScript.</p>
      </section>
    </article>
  );
}
