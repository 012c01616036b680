// Atom and JSON Feed 1.1 of status reports. Reasons are untrusted text: Atom carries them as
// escaped type="text", JSON Feed as content_text; only http(s) sources become links. An entry
// is a past report, so each also says, in words, how the status stands when the feed is read.
// With lang= (decision 048) an entry's reason is the reader's text by the pages' rule
// (`reasonFor`): a translation, else the original and "(original in …)"; the rest stays English.
import { escapeXml, safeHttpUrl } from "@/lib/http/escape";
import { localReasonFields } from "@/lib/i18n/api-reasons";
import type { Locale } from "@/lib/i18n/locales";
import { reasonKey } from "@/lib/i18n/reason-key";
import { shownReasonOf, type ReasonVersions, type ShownReason } from "@/lib/i18n/reason-text";
import { missionTypeLabel } from "@/lib/missions/types";
import { freshnessOf, type Freshness } from "@/lib/status/freshness";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import { STATUS_LABELS, statusFilterOf } from "@/lib/status/schema";
import { describeChange, describeStatus } from "@/lib/status/wording";
import type { LoadedChange } from "./read-model";
import { missionUrl } from "./serialize";

export interface FeedInput {
  origin: string;
  selfPath: string;
  title: string;
  changes: LoadedChange[];
  freshness: FreshnessContext;
  /** Set with lang=: the reader's language and the texts of the entries' reasons, loaded in one query. */
  reasons?: { lang: Locale; versions: ReadonlyMap<string, ReasonVersions> };
}

type FeedReasons = FeedInput["reasons"];

const versionsOf = (change: LoadedChange, reasons: NonNullable<FeedReasons>): ReasonVersions | undefined =>
  change.reason ? reasons.versions.get(reasonKey(change.mission.id, change.reason)) : undefined;

/** The reason as this reader sees it; null without lang= or without a reason. */
function shownReason(change: LoadedChange, reasons: FeedReasons): ShownReason | null {
  if (!reasons || !change.reason) return null;
  return shownReasonOf(change.reason, versionsOf(change, reasons), reasons.lang);
}

function entryTitle(change: LoadedChange): string {
  const mission = change.mission;
  return `${mission.sending.name} ${missionTypeLabel(mission.type).toLowerCase()} in ${mission.city}: ${describeChange(change)}`;
}

interface CurrentStatus {
  freshness: Freshness | null;
  text: string;
}

function currentStatus(change: LoadedChange, { policyFor, now }: FreshnessContext): CurrentStatus {
  const freshness = freshnessOf(change.mission, policyFor(change.mission.hostCode), now);
  return { freshness, text: describeStatus({ ...change.mission, freshness }, now).text };
}

function entryText(change: LoadedChange, current: CurrentStatus, shown: ShownReason | null): string {
  const lines = [
    `${STATUS_LABELS[statusFilterOf(change.previousStatus)]} → ${STATUS_LABELS[statusFilterOf(change.newStatus)]} since ${change.effectiveAt.toISOString()}.`,
  ];
  if (shown) lines.push(`Reason: ${shown.text}${shown.note ? ` ${shown.note}` : ""}`);
  else if (change.reason) lines.push(`Reason: ${change.reason}`);
  if (change.sourceUrl) lines.push(`Source: ${change.sourceTitle ? `${change.sourceTitle} ` : ""}${change.sourceUrl}`);
  lines.push(`Status now: ${current.text}.`);
  return lines.join("\n");
}

const entryId = (origin: string, change: LoadedChange) => `${missionUrl(origin, change.mission.slug)}#change-${change.id}`;

export function atomFeed({ origin, selfPath, title, changes, freshness, reasons }: FeedInput): string {
  const updated = (changes[0]?.recordedAt ?? new Date(0)).toISOString();
  const entries = changes.map((change) => {
    const link = missionUrl(origin, change.mission.slug);
    const source = safeHttpUrl(change.sourceUrl);
    const shown = shownReason(change, reasons);
    return [
      "<entry>",
      `<id>${escapeXml(entryId(origin, change))}</id>`,
      `<title type="text">${escapeXml(entryTitle(change))}</title>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      source ? `<link rel="related" href="${escapeXml(source)}"/>` : "",
      `<published>${change.effectiveAt.toISOString()}</published>`,
      `<updated>${change.recordedAt.toISOString()}</updated>`,
      `<category term="${statusFilterOf(change.newStatus)}"/>`,
      // The reason alone, marked with the language it is shown in; the note is in the content.
      shown ? `<summary type="text" xml:lang="${escapeXml(shown.language)}">${escapeXml(shown.text)}</summary>` : "",
      `<content type="text">${escapeXml(entryText(change, currentStatus(change, freshness), shown))}</content>`,
      "</entry>",
    ].join("");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${escapeXml(origin + selfPath)}</id>`,
    `<title type="text">${escapeXml(title)}</title>`,
    `<updated>${updated}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(origin + selfPath)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(origin + "/")}"/>`,
    "<author><name>Chancery</name></author>",
    "<generator>Chancery</generator>",
    ...entries,
    "</feed>\n",
  ].join("\n");
}

export function jsonFeed({ origin, selfPath, title, changes, freshness, reasons }: FeedInput): object {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title,
    home_page_url: `${origin}/`,
    feed_url: origin + selfPath,
    language: "en",
    authors: [{ name: "Chancery" }],
    items: changes.map((change) => {
      const source = safeHttpUrl(change.sourceUrl);
      const current = currentStatus(change, freshness);
      const shown = shownReason(change, reasons);
      return {
        id: entryId(origin, change),
        url: missionUrl(origin, change.mission.slug),
        ...(source ? { external_url: source } : {}),
        title: entryTitle(change),
        ...(shown ? { summary: shown.text } : {}),
        content_text: entryText(change, current, shown),
        date_published: change.effectiveAt.toISOString(),
        date_modified: change.recordedAt.toISOString(),
        tags: [statusFilterOf(change.newStatus), change.mission.hostCode, change.mission.sendingCode],
        // A JSON Feed extension (keys starting with "_"): the mission's status when the feed is read.
        _chancery: {
          status: change.mission.status,
          freshness: current.freshness,
          verifiedAt: change.mission.verifiedAt?.toISOString() ?? null,
          statusText: current.text,
          // With lang=: as in the API, and the language `summary` is written in.
          ...(reasons ? { ...localReasonFields(change.reason, versionsOf(change, reasons), reasons.lang), summaryLanguage: shown?.language ?? null } : {}),
        },
      };
    }),
  };
}
