// "Embed this table": the snippet for the current filters, whole without JavaScript (the code
// to copy and a link to preview it). Live options, the preview and the copy button come from a
// small enhancement script loaded only here (lib/embed/builder-script.ts, decision 024).
import { headers } from "next/headers";
import { EMBED_COLUMNS, DEFAULT_EMBED_COLUMNS, embedQuery } from "@/lib/embed/params";
import { getI18n } from "@/lib/i18n/request";
import { escapeHtml } from "@/lib/http/escape";
import { LITE_KEEP_ATTRIBUTE } from "@/lib/http/lite-html";
import { publicOrigin } from "@/lib/http/origin";

const EMBED_BUILDER_SCRIPT_PATH = "/enhance/embed-builder.js";

const QUERY_PLACEHOLDER = "__QUERY__";

/** A moment to the second, as `at=` takes it. */
const toSecond = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

export async function EmbedBuilder({ host, city, sending, status, type, confirmed, placeName, at }: { host: string; city?: string; sending: string[]; status: string[]; type: string[]; confirmed: boolean; placeName: string; at?: string }) {
  const requestHeaders = await headers();
  const origin = publicOrigin(requestHeaders.get("host"));
  const { t, locale } = await getI18n();
  // The embed speaks the language of the page its code was taken from (`lang=`).
  const base = embedQuery({ host, city, sending, status, type, confirmed, lang: locale });
  const fullPage = `${origin}/countries/${host}${city ? `?city=${encodeURIComponent(city)}` : ""}`;
  const template =
    `<div data-chancery-embed="${QUERY_PLACEHOLDER}"><a href="${escapeHtml(fullPage)}">${escapeHtml(t("embedBuilder.fallbackLink", { place: placeName }))}</a></div>\n` +
    `<script src="${escapeHtml(origin)}/embed.js" async></script>`;
  const snippet = template.replace(QUERY_PLACEHOLDER, escapeHtml(base));
  const codeId = `embed-code-${host}`;
  return (
    <details
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-embed-builder=""
      data-embed-base={base}
      data-embed-template={template}
      data-embed-default-columns={DEFAULT_EMBED_COLUMNS.join(",")}
      data-embed-preview-title={t("embedBuilder.previewTitle")}
      data-embed-copied={t("embedBuilder.copied")}
      data-embed-copy-failed={t("embedBuilder.copyFailed")}
    >
      <summary className="cursor-pointer font-semibold">{t("embedBuilder.summary")}</summary>
      <div className="mt-3 grid gap-4 lg:grid-cols-2">
        <div className="space-y-3">
          <p className="text-sm text-slate-600">{t("embedBuilder.help")}</p>
          <div hidden data-embed-js="" className="space-y-3">
            <fieldset className="text-sm">
              <legend className="font-medium">{t("embedBuilder.columns")}</legend>
              <div className="mt-1 flex flex-wrap gap-3">
                {EMBED_COLUMNS.map((column) => (
                  <label key={column} className="inline-flex items-center gap-1">
                    <input type="checkbox" name="columns" value={column} defaultChecked={DEFAULT_EMBED_COLUMNS.includes(column)} />
                    {t(`embed.columns.${column}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="flex flex-wrap gap-4 text-sm">
              <label className="inline-flex items-center gap-2">
                {t("embedBuilder.theme")}
                <select name="theme" defaultValue="auto" className="rounded border border-slate-300 px-2 py-1">
                  <option value="auto">{t("embedBuilder.themeAuto")}</option>
                  <option value="light">{t("embedBuilder.themeLight")}</option>
                  <option value="dark">{t("embedBuilder.themeDark")}</option>
                </select>
              </label>
              <label className="inline-flex items-center gap-2">
                {t("embedBuilder.view")}
                <select name="view" defaultValue="table" className="rounded border border-slate-300 px-2 py-1">
                  <option value="table">{t("embedBuilder.viewTable")}</option>
                  <option value="map">{t("embedBuilder.viewMap")}</option>
                </select>
              </label>
              <label className="inline-flex items-center gap-2">
                <input type="checkbox" name="compact" />
                {t("embedBuilder.compact")}
              </label>
              {/* The moment this page shows, or this render's: never ahead of the server's clock. */}
              <label className="inline-flex items-center gap-2">
                <input type="checkbox" name="frozen" data-frozen-at={toSecond(at ? new Date(at) : new Date())} />
                {t("embedBuilder.frozen")}
              </label>
            </div>
          </div>
          <label htmlFor={codeId} className="block text-sm font-medium">{t("embedBuilder.code")}</label>
          <textarea id={codeId} readOnly defaultValue={snippet} rows={5} className="block w-full rounded border border-slate-300 bg-slate-50 p-2 font-mono text-xs" />
          <div hidden data-embed-js="" className="flex items-center gap-3">
            <button type="button" data-embed-copy="" className="rounded bg-slate-900 px-3 py-1 text-white">{t("embedBuilder.copy")}</button>
            <p role="status" data-embed-status="" className="text-sm text-slate-600"></p>
          </div>
        </div>
        <div>
          <p className="mb-1 text-sm font-medium">
            {t.rich("embedBuilder.preview", { link: (chunks) => <a href={`/embed?${base}`} data-embed-preview-link="" className="underline">{chunks}</a> })}
          </p>
          <div data-embed-preview=""></div>
        </div>
      </div>
      <script src={EMBED_BUILDER_SCRIPT_PATH} nonce={requestHeaders.get("x-nonce") ?? undefined} defer {...{ [LITE_KEEP_ATTRIBUTE]: "" }} />
    </details>
  );
}
