// The rows of a public mission table as one HTML string (decision 054). A table page is ~2,000
// elements, 80 % of them in its 100 rows, and Next renders each element twice (the RSC payload,
// then the HTML) before the lite edition throws the payload away (decision 024): a profile of
// /countries/US gave React and its garbage most of a render's CPU. As a string the rows cost one
// pass and one payload chunk. Every value is escaped with `escapeHtml`; the words, classes and
// links come from the same helpers as the components (CountryName, StatusBadge, DateTime,
// SourceLink, StatusWithFreshness, ReasonText), and tests/unit/mission-rows-html.test.tsx checks
// that the pieces render the same markup as those components.
import { escapeHtml as h } from "@/lib/http/escape";
import type { RequestI18n } from "@/lib/i18n/request";
import type { Locale } from "@/lib/i18n/locales";
import { cityNameIn } from "@/lib/i18n/city-names";
import { shownReasonOf, type ReasonVersions } from "@/lib/i18n/reason-text";
import { reasonKey } from "@/lib/i18n/reason-key";
import type { MissionRow } from "@/lib/missions/filter-missions";
import { statusFilterOf } from "@/lib/status/schema";
import { missionTypeIn, type StatusFacts } from "@/lib/status/wording";
import { countryShown } from "./country-name";
import { dateTimeWords, type DateTimeVariant } from "./date-time";
import { sourceShown, SOURCE_LINK_CLASS } from "./source-link";
import { badgeClassName, statusIconHref } from "./status-badge";
import { statusShown } from "./status-with-freshness";

export function countryNameHtml(code: string, name: string, locale: Locale): string {
  const { flag, text } = countryShown(code, name, locale);
  const image = flag
    ? `<img src="${h(flag)}" alt="" width="18" height="12" loading="lazy" decoding="async" class="flag"/>`
    : `<span aria-hidden="true" data-flag="none" class="flag flag-none"></span>`;
  return `<span class="country">${image}${h(text)}</span>`;
}

export function statusBadgeHtml(status: string | null, label: string, unconfirmed: boolean): string {
  const filter = statusFilterOf(status);
  return `<span class="${badgeClassName(filter, "md", unconfirmed)}" data-status="${filter}"><svg width="14" height="14" aria-hidden="true" focusable="false"><use href="${statusIconHref(filter)}"></use></svg>${h(label)}</span>`;
}

export function statusWithFreshnessHtml(facts: StatusFacts, now: Date, i18n: RequestI18n): string {
  const shown = statusShown(facts, now, i18n);
  const badge = statusBadgeHtml(facts.status, shown.label, shown.unconfirmed);
  const line = shown.until ? `<span class="status-line">${badge}<span>${h(shown.until)}</span></span>` : badge;
  const note = shown.note ? `<span class="status-note">${h(shown.note)}</span>` : "";
  return `<span class="status" data-freshness="${h(shown.freshness)}">${line}${note}</span>`;
}

export function dateTimeHtml(value: Date, timeZone: string, variant: DateTimeVariant, locale: string): string {
  const { text, title } = dateTimeWords(value, timeZone, variant, locale);
  return `<time dateTime="${value.toISOString()}" title="${h(title)}">${h(text)}</time>`;
}

export function sourceLinkHtml(url: string | null, title: string | null, labels: { noSource: string; newTab: string }): string {
  const shown = sourceShown(url, title);
  if (shown.kind === "none") return `<span class="text-slate-500">${h(labels.noSource)}</span>`;
  if (shown.kind === "text") return `<span>${h(shown.label)}</span>`;
  return `<a href="${h(shown.href)}" rel="noopener noreferrer nofollow" target="_blank" class="${SOURCE_LINK_CLASS}">${h(shown.label)}<span class="sr-only">${h(labels.newTab)}</span></a>`;
}

export function reasonHtml(reason: string, versions: ReasonVersions | undefined, locale: Locale): string {
  const shown = shownReasonOf(reason, versions, locale);
  const note = shown.note ? `<span class="block text-xs text-slate-600">${h(shown.note)}</span>` : "";
  return `<span lang="${h(shown.language)}">${h(shown.text)}</span>${note}`;
}

export type MissionColumn = "sending" | "host" | "city" | "type" | "status" | "since" | "reason" | "source" | "verified";

export interface RowsHtmlContext {
  columns: readonly MissionColumn[];
  /** The moment the rows' freshness was judged at. */
  now: Date;
  /** The query a mission link keeps (the moment shown), already encoded; "" for none. */
  keptQuery: string;
  i18n: RequestI18n;
  reasons?: ReadonlyMap<string, ReasonVersions>;
}

const NONE = "—";

/** Words every row repeats, translated once per table. */
interface TableWords {
  source: { noSource: string; newTab: string };
  never: string;
}

function cellHtml(column: MissionColumn, row: MissionRow, { now, keptQuery, i18n, reasons }: RowsHtmlContext, words: TableWords): string {
  const { locale } = i18n;
  switch (column) {
    case "sending":
      return `<th scope="row"><a href="${h(i18n.href(`/missions/${row.slug}${keptQuery ? `?${keptQuery}` : ""}`))}">${countryNameHtml(row.sendingCode, row.sendingName, locale)}</a></th>`;
    case "host":
      return `<td>${countryNameHtml(row.hostCode, row.hostName, locale)}</td>`;
    case "city":
      return `<td>${h(cityNameIn(row.city, locale))}</td>`;
    case "type":
      return `<td>${h(missionTypeIn(row.type, i18n))}</td>`;
    case "status":
      return `<td>${statusWithFreshnessHtml(row, now, i18n)}</td>`;
    case "since":
      return `<td class="text-sm">${row.statusSince ? dateTimeHtml(row.statusSince, row.timeZone, "local-and-utc", locale) : NONE}</td>`;
    case "reason":
      return `<td class="max-w-xs text-sm">${row.statusReason ? reasonHtml(row.statusReason, reasons?.get(reasonKey(row.id, row.statusReason)), locale) : NONE}</td>`;
    case "source":
      return `<td class="max-w-[14rem] text-sm break-words">${row.sourceUrl || row.sourceTitle ? sourceLinkHtml(row.sourceUrl, row.sourceTitle, words.source) : NONE}</td>`;
    case "verified":
      return `<td class="text-sm whitespace-nowrap">${row.verifiedAt ? dateTimeHtml(row.verifiedAt, "UTC", "age", locale) : h(words.never)}</td>`;
  }
}

/** The table body's rows, in order, every value escaped. */
export function missionRowsHtml(rows: readonly MissionRow[], context: RowsHtmlContext): string {
  const { t } = context.i18n;
  const words: TableWords = { source: { noSource: t("table.noSource"), newTab: t("table.newTab") }, never: t("table.never") };
  let html = "";
  for (const row of rows) {
    html += `<tr data-mission="${h(row.slug)}">`;
    for (const column of context.columns) html += cellHtml(column, row, context, words);
    html += "</tr>";
  }
  return html;
}
