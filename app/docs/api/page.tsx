import type { Metadata } from "next";
import { createOpenApiDocument } from "@/lib/api/openapi";
import { EMBED_COLUMNS } from "@/lib/embed/params";
import { getI18n } from "@/lib/i18n/request";
import { LOCALES } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t("docs.title") };
}

/** The tags of the docs' messages: code, and links to the OpenAPI document and Standard Webhooks. */
const TAGS = {
  c: (chunks: React.ReactNode) => <code>{chunks}</code>,
  openapi: (chunks: React.ReactNode) => <a className="underline" href="/api/v1/openapi.json">{chunks}</a>,
  standard: (chunks: React.ReactNode) => <a className="underline" href="https://www.standardwebhooks.com/">{chunks}</a>,
};
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

// The API is English-keyed (decision 032): its own descriptions (the OpenAPI document's
// summaries and parameters) are shown as written, marked lang="en"; the page around them is
// in the reader's language.
export default async function ApiDocsPage() {
  const { t } = await getI18n();
  const document = createOpenApiDocument();
  const paths = Object.entries(document.paths ?? {});
  return (
    <article className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t("docs.title")}</h1>
      <p lang="en">{document.info.description}</p>
      <p>{t.rich("docs.intro", TAGS)}</p>
      <section aria-labelledby="conventions" className="space-y-2">
        <h2 id="conventions" className="text-xl font-semibold">{t("docs.conventions")}</h2>
        <ul className="list-disc space-y-1 ps-6">
          {(["statuses", "freshness", "times", "sorting", "errors", "timeTravel", "etags"] as const).map((key) => (
            <li key={key}>{t.rich(`docs.rules.${key}`, TAGS)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="endpoints" className="space-y-4">
        <h2 id="endpoints" className="text-xl font-semibold">{t("docs.endpoints")}</h2>
        {paths.map(([path, item]) => {
          const operation = item?.get;
          if (!operation) return null;
          const parameters = (operation.parameters ?? []) as Parameter[];
          const example = EXAMPLES[path];
          return (
            <section key={path} aria-labelledby={`op-${operation.operationId}`} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 id={`op-${operation.operationId}`} className="font-mono font-semibold"><code>GET /api/v1{path}</code></h3>
              <p lang="en">{operation.summary}</p>
              {parameters.length > 0 && (
                <table className="mt-2 w-full text-sm">
                  <caption className="sr-only">{t("docs.parametersOf", { path })}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="text-start">{t("docs.parameter")}</th>
                      <th scope="col" className="text-start">{t("docs.meaning")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {parameters.map((parameter) => (
                      <tr key={`${parameter.in}-${parameter.name}`}>
                        <th scope="row" className="pe-3 text-start font-mono font-normal">{parameter.name}</th>
                        {parameter.description ? <td lang="en">{parameter.description}</td> : <td>{parameter.in === "path" ? t("docs.pathParameter") : ""}</td>}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {example && (
                <p className="mt-2 text-sm">
                  {t("docs.example")} <a className="break-all font-mono underline" href={example}>{example}</a>
                </p>
              )}
            </section>
          );
        })}
      </section>
      <section aria-labelledby="webhooks" className="space-y-2">
        <h2 id="webhooks" className="text-xl font-semibold">{t("docs.webhooks")}</h2>
        <p>{t.rich("docs.webhooksBody", TAGS)}</p>
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
        <h2 id="embed" className="text-xl font-semibold">{t("docs.embed")}</h2>
        <p>{t.rich("docs.embedBody", { ...TAGS, columns: EMBED_COLUMNS.join(", "), languages: LOCALES.join(", ") })}</p>
        <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-xs">{`<div data-chancery-embed="host=UA&amp;city=Kyiv&amp;status=closed,limited"></div>
<script src="https://YOUR-CHANCERY-HOST/embed.js" async></script>`}</pre>
        <p>{t.rich("docs.embedTable", TAGS)}</p>
      </section>
    </article>
  );
}
