// /embed: a server-rendered status table for other sites' iframes. Plain strings with every
// value escaped (no React, so it stays tiny and renders in microseconds); works without JS —
// the one small script only reports the height to the embedding page.
import { scopeTags } from "@/lib/http/cache-tags";
import { escapeHtml as h, safeHttpUrl } from "@/lib/http/escape";
import { publicResponse, PUBLIC_CACHE_CONTROL } from "@/lib/http/response";
import type { Produced } from "@/lib/http/response-cache";
import type { Db } from "@/lib/db/create";
import { filterMissions } from "@/lib/missions/filter-missions";
import type { MissionRow } from "@/lib/missions/row-select";
import { filtersToSearchParams, type MissionFilters } from "@/lib/missions/filters";
import { missionTypeLabel } from "@/lib/missions/types";
import { isConfirmed } from "@/lib/status/freshness";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { STATUS_LABELS, statusFilterOf, type StatusFilter } from "@/lib/status/schema";
import { capitalised, describeStatus } from "@/lib/status/wording";
import { formatDate, formatLocalAndUtc } from "@/lib/time";
import { queryRecord } from "@/lib/api/query";
import { BadRequestError, NotFoundError, parameterErrors, type AppError, type FieldError } from "@/lib/errors";
import { HTTP_STATUS } from "@/lib/http/errors";
import { matchesCity } from "@/lib/text/fold";
import { loadMissionRows } from "@/lib/api/read-model";
import { loadScopeRows } from "@/lib/missions/scope-rows";
import { loadMissionsAsOf } from "@/lib/history/as-of";
import { momentCacheHeaders } from "@/lib/history/http";
import { momentParams, parseMoment, type Moment } from "@/lib/history/moment";
import { countByMapStatus, mapStatuses, MAP_STATUSES } from "@/lib/map/map-status";
import { legendSwatch, statusMapSvg } from "@/lib/map/render-map";
import { i18nFor, type I18n } from "@/lib/i18n/translator";
import { countryNameIn } from "@/lib/i18n/country-names";
import { cityNameIn } from "@/lib/i18n/city-names";
import { shownReasonOf, type ReasonVersions } from "@/lib/i18n/reason-text";
import { reasonKey } from "@/lib/i18n/reason-key";
import { loadReasonVersions } from "@/lib/i18n/reason-texts";
import { reasonTextsAsOf } from "@/lib/i18n/reason-moment";
import { EMBED_COLUMN_LABELS, EmbedParamsSchema, type EmbedColumn, type EmbedParams } from "./params";

const MAX_ROWS = 500;

export const EMBED_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors *",
].join("; ");

const EMBED_HEADERS = {
  "Content-Security-Policy": EMBED_CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Cache-Control": PUBLIC_CACHE_CONTROL,
};

// Icons as text so the status never relies on colour alone.
const SYMBOLS: Record<StatusFilter, string> = { open: "✓", limited: "◐", closed: "✕", unreported: "–" };

const STYLE = `
:root{color-scheme:light dark;--fg:#0f172a;--muted:#475569;--bg:#fff;--line:#e2e8f0;--open:#14532d;--open-bg:#dcfce7;--limited:#78350f;--limited-bg:#fef3c7;--closed:#7f1d1d;--closed-bg:#fee2e2;--none:#334155;--none-bg:#f1f5f9;--link:#1d4ed8}
@media (prefers-color-scheme:dark){:root[data-theme=auto]{--fg:#f1f5f9;--muted:#cbd5e1;--bg:#0f172a;--line:#334155;--open:#bbf7d0;--open-bg:#14532d;--limited:#fde68a;--limited-bg:#78350f;--closed:#fecaca;--closed-bg:#7f1d1d;--none:#e2e8f0;--none-bg:#334155;--link:#93c5fd}}
:root[data-theme=dark]{--fg:#f1f5f9;--muted:#cbd5e1;--bg:#0f172a;--line:#334155;--open:#bbf7d0;--open-bg:#14532d;--limited:#fde68a;--limited-bg:#78350f;--closed:#fecaca;--closed-bg:#7f1d1d;--none:#e2e8f0;--none-bg:#334155;--link:#93c5fd}
:root[data-theme=light]{color-scheme:light}
*{box-sizing:border-box}body{margin:0;padding:8px;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:16px;margin:0 0 6px}table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:600;padding-bottom:4px}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}thead th{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
tbody th{font-weight:500}.compact th,.compact td{padding:2px 6px;font-size:13px}
.s{display:inline-block;white-space:nowrap;border-radius:999px;padding:0 8px;font-weight:600}
.open{color:var(--open);background:var(--open-bg)}.limited{color:var(--limited);background:var(--limited-bg)}.closed{color:var(--closed);background:var(--closed-bg)}.unreported{color:var(--none);background:var(--none-bg)}
.f{display:block;font-size:12px;color:var(--muted)}.s.unconfirmed-status{background:none;box-shadow:inset 0 0 0 1px currentColor}
.map svg{width:100%;height:auto;display:block}.legend{display:flex;flex-wrap:wrap;gap:2px 12px;list-style:none;padding:0;margin:4px 0 8px;font-size:13px}.legend li{display:inline-flex;align-items:center;gap:4px}
a{color:var(--link)}footer{margin-top:6px;font-size:12px;color:var(--muted)}.totals{margin:0 0 6px;font-size:13px}.moment{margin:0 0 6px;padding:4px 6px;border:2px solid #b45309;border-radius:4px}
`.replace(/\n/g, "");

export interface EmbedContext {
  db: Db;
  origin: string;
  /** The clock freshness is judged by; tests pass a fixed one. */
  now?: () => Date;
}

const invalidParameters = (fields: FieldError[]) => new BadRequestError("Embed parameters are invalid", { fields });

/** The one error model as a page, since an iframe shows it to people: the same status and fields. */
function errorPage(error: AppError): Produced {
  const items = error.fields.map((field) => `<li><code>${h(field.field)}</code>: ${h(field.message)}</li>`).join("");
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${h(error.message)}</title></head><body><h1>${h(error.message)}</h1><ul>${items}</ul></body></html>`;
  return { response: publicResponse(HTTP_STATUS[error.code], "text/html; charset=utf-8", body, EMBED_HEADERS, { embeddable: true }), tags: [] };
}

/** Reasons loaded for the shown rows (lib/i18n/reason-texts.ts); none: every reason counts as English. */
type Reasons = ReadonlyMap<string, ReasonVersions>;

/** The reader's translation, or the original marked with its language and named (decision 034). */
function reasonCell(reason: string, versions: ReasonVersions | undefined, i18n: I18n): string {
  const shown = shownReasonOf(reason, versions, i18n.locale);
  const note = shown.note ? `<span class="f">${h(shown.note)}</span>` : "";
  return `<td><span lang="${h(shown.language)}">${h(shown.text)}</span>${note}</td>`;
}

function cell(column: EmbedColumn, row: MissionRow, origin: string, now: Date, i18n: I18n, reasons: Reasons): string {
  const { t, locale } = i18n;
  switch (column) {
    case "sending":
      return `<th scope="row"><a href="${h(`${origin}/missions/${encodeURIComponent(row.slug)}`)}" target="_blank" rel="noopener">${h(countryNameIn(row.sendingCode, locale, row.sendingName))}</a></th>`;
    case "city":
      return `<td>${h(cityNameIn(row.city, locale))}</td>`;
    case "type":
      return `<td>${h(locale === "en" ? missionTypeLabel(row.type) : t(`types.${row.type}`))}</td>`;
    case "status": {
      // The freshness in words under the status: plain HTML, so it reads with JavaScript off.
      const status = statusFilterOf(row.status);
      const wording = describeStatus(row, now, i18n);
      const muted = status !== "unreported" && !isConfirmed(row.freshness) ? " unconfirmed-status" : "";
      const freshness = wording.freshness ? `<span class="f">${h(capitalised(wording.freshness))}</span>` : "";
      return `<td><span class="s ${status}${muted}"><span aria-hidden="true">${SYMBOLS[status]}</span> ${h(wording.headline)}</span>${freshness}</td>`;
    }
    case "since":
      return `<td>${row.statusSince ? `<time datetime="${row.statusSince.toISOString()}">${h(formatLocalAndUtc(row.statusSince, row.timeZone, locale))}</time>` : "—"}</td>`;
    case "reason":
      return row.statusReason ? reasonCell(row.statusReason, reasons.get(reasonKey(row.id, row.statusReason)), i18n) : "<td>—</td>";
    case "source": {
      const url = safeHttpUrl(row.sourceUrl);
      const label = h(row.sourceTitle || (url ? new URL(url).hostname : "—"));
      return `<td>${url ? `<a href="${h(url)}" target="_blank" rel="noopener noreferrer nofollow">${label}</a>` : label}</td>`;
    }
    case "verified":
      return `<td>${row.verifiedAt ? `<time datetime="${row.verifiedAt.toISOString()}">${h(formatDate(row.verifiedAt, row.timeZone, locale))}</time>` : h(t("table.never"))}</td>`;
  }
}

/** The status map with its legend in words; the table below is its text version. */
function mapSection(hostCode: string, hostName: string, place: string, rows: MissionRow[], { t }: I18n): string {
  const statuses = mapStatuses(rows);
  const counts = countByMapStatus(statuses);
  const { svg } = statusMapSvg({ hostCode, statuses, title: t("map.title", { place }), detailsId: "missions-table" });
  const items = MAP_STATUSES.map((status) => `<li>${legendSwatch(status)} ${h(t(`map.${status}`))}${status === "none" ? "" : ` (${counts[status]})`}</li>`).join("");
  return `<figure class="map">${svg}<figcaption><ul class="legend" aria-label="${h(t("map.legend"))}">${items}<li>${legendSwatch("host")} ${h(t("map.host", { country: hostName }))}</li></ul></figcaption></figure>`;
}

/** The rows the table shows, in order: the page's filters, at most MAX_ROWS. */
function shownRows(params: EmbedParams, allRows: MissionRow[]) {
  const filters: MissionFilters = { ...params, q: undefined };
  const result = filterMissions(allRows, filters);
  return { result, shown: result.rows.slice(0, MAX_ROWS) };
}

/** `now` is the moment the rows' freshness was judged at. */
export function renderEmbed(params: EmbedParams, allRows: MissionRow[], origin: string, now: Date, moment: Moment | null = null, reasons: Reasons = new Map()): string {
  const filters: MissionFilters = { ...params, q: undefined };
  const i18n = i18nFor(params.lang);
  const { t, locale } = i18n;
  const { result, shown } = shownRows(params, allRows);
  const hostName = params.host ? countryNameIn(params.host, locale, allRows[0]?.hostName ?? params.host) : undefined;
  const place = [params.city && cityNameIn(params.city, locale), hostName].filter(Boolean).join(", ");
  const title = params.title || (place ? t("embed.titleIn", { place }) : t("embed.title"));
  const fullPage = `${origin}${params.host ? `/countries/${params.host}` : "/search"}${(() => {
    const query = filtersToSearchParams({ ...filters, host: undefined }).toString();
    return query ? `?${query}` : "";
  })()}`;
  const frozenPage = moment ? `${fullPage}${fullPage.includes("?") ? "&" : "?"}${new URLSearchParams(momentParams(moment)).toString()}` : fullPage;
  const lastUpdated = allRows.reduce<Date | null>((latest, row) => (!latest || row.updatedAt > latest ? row.updatedAt : latest), null);
  const timeZone = allRows[0]?.timeZone ?? "UTC";
  const totals = (Object.keys(result.totals) as StatusFilter[])
    .filter((status) => result.totals[status] > 0)
    .map((status) => `${locale === "en" ? STATUS_LABELS[status] : t(`status.${status}`)}: ${result.totals[status]}`)
    .join(" · ");
  const reported = result.rows.filter((row) => row.status !== null).length;
  const confirmed = result.rows.filter((row) => row.status !== null && isConfirmed(row.freshness)).length;
  const confirmation = reported ? t("embed.confirmation", { confirmed, reported }) : "";
  const head = params.columns.map((column) => `<th scope="col">${h(locale === "en" ? EMBED_COLUMN_LABELS[column] : t(`embed.columns.${column}`))}</th>`).join("");
  const body = shown.length
    ? shown.map((row) => `<tr>${params.columns.map((column) => cell(column, row, origin, now, i18n, reasons)).join("")}</tr>`).join("\n")
    : `<tr><td colspan="${params.columns.length}">${h(t("table.empty"))}</td></tr>`;
  return `<!doctype html>
<html lang="${params.lang}" dir="${i18n.dir}" data-theme="${params.theme}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${h(title)} — Chancery</title><style>${STYLE}</style></head>
<body${params.compact ? ' class="compact"' : ""}><main>
<h1>${h(title)}</h1>
${moment ? `<p class="moment"><strong>${h(t("embed.asAt", { at: formatLocalAndUtc(moment.at, timeZone, locale) }))}</strong>${moment.known === "then" ? h(t("embed.asPublished")) : ""}. <a href="${h(fullPage)}" target="_blank" rel="noopener">${h(t("embed.seeToday"))}</a></p>` : ""}
<p class="totals">${h(totals ? totals + confirmation : t("embed.none"))}</p>
${params.view === "map" && params.host ? mapSection(params.host, hostName ?? params.host, place, result.rows, i18n) : ""}
<table id="missions-table"><caption>${h(place ? t("embed.captionIn", { place }) : t("embed.caption"))}${shown.length < result.rows.length ? h(t("embed.firstOf", { shown: shown.length, total: result.rows.length })) : ""}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table>
<footer>${moment ? `<a href="${h(frozenPage)}" target="_blank" rel="noopener">${h(t("embed.frozenLink"))}</a>` : `${h(t("embed.lastUpdated", { at: "\u0000" })).replace("\u0000", lastUpdated ? `<time datetime="${lastUpdated.toISOString()}">${h(formatLocalAndUtc(lastUpdated, timeZone, locale))}</time>` : h(t("embed.never")))} · <a href="${h(fullPage)}" target="_blank" rel="noopener">${h(t("embed.fullTable"))}</a>`}</footer>
</main><script src="/embed/resize.js" async></script></body></html>`;
}

export async function produceEmbedResponse(ctx: EmbedContext, url: URL): Promise<Produced> {
  const record = Object.fromEntries(Object.entries(queryRecord(url.searchParams)).filter(([, value]) => value.trim() !== ""));
  const parsed = EmbedParamsSchema.safeParse(record);
  if (!parsed.success) return errorPage(invalidParameters(parameterErrors(parsed.error)));
  const params = parsed.data;
  const moment = parseMoment({ at: params.at, known: params.known }, ctx.now);
  if (!moment.ok) return errorPage(invalidParameters(moment.errors));
  const freshness = await loadFreshnessContext(ctx.db, ctx.now?.() ?? new Date());
  const frozen = moment.moment;
  const allRows = frozen
    ? await loadMissionsAsOf(ctx.db, { hostCode: params.host }, frozen, freshness)
    : params.host
      ? await loadScopeRows(ctx.db, { hostCode: params.host }, freshness)
      : await loadMissionRows(ctx.db, freshness);
  if (params.host && allRows.length === 0 && !(await ctx.db.country.findUnique({ where: { code: params.host }, select: { code: true } }))) {
    return errorPage(new NotFoundError("No such host country", { fields: [{ field: "host", message: `no country has the code ${params.host}` }] }));
  }
  const { city } = params;
  const scoped = city ? allRows.filter((row) => matchesCity(row.city, city)) : allRows;
  // One query for the texts of every reason shown, only when the reason column is.
  const reasons = params.columns.includes("reason")
    ? await loadReasonVersions(ctx.db, shownRows(params, scoped).shown.map((row) => ({ missionId: row.id, reason: row.statusReason })), reasonTextsAsOf(frozen))
    : new Map<string, ReasonVersions>();
  const html = renderEmbed(params, scoped, ctx.origin, frozen?.at ?? freshness.now, frozen, reasons);
  const tags = scopeTags({ hostCodes: params.host ? [params.host] : [], sendingCodes: params.sending });
  const headers = { ...EMBED_HEADERS, ...momentCacheHeaders(frozen, ctx.now?.() ?? new Date()) };
  return { response: publicResponse(200, "text/html; charset=utf-8", html, headers, { embeddable: true }), tags };
}
