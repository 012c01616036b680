// Atom and JSON Feed 1.1 of status reports. Reasons are untrusted text: Atom carries them as
// escaped type="text", JSON Feed as content_text; only http(s) sources become links. An entry
// is a past report, so each also says, in words, how the status stands when the feed is read.
import { escapeXml, safeHttpUrl } from "@/lib/http/escape";
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

function entryText(change: LoadedChange, current: CurrentStatus): string {
  const lines = [
    `${STATUS_LABELS[statusFilterOf(change.previousStatus)]} → ${STATUS_LABELS[statusFilterOf(change.newStatus)]} since ${change.effectiveAt.toISOString()}.`,
  ];
  if (change.reason) lines.push(`Reason: ${change.reason}`);
  if (change.sourceUrl) lines.push(`Source: ${change.sourceTitle ? `${change.sourceTitle} ` : ""}${change.sourceUrl}`);
  lines.push(`Status now: ${current.text}.`);
  return lines.join("\n");
}

const entryId = (origin: string, change: LoadedChange) => `${missionUrl(origin, change.mission.slug)}#change-${change.id}`;

export function atomFeed({ origin, selfPath, title, changes, freshness }: FeedInput): string {
  const updated = (changes[0]?.recordedAt ?? new Date(0)).toISOString();
  const entries = changes.map((change) => {
    const link = missionUrl(origin, change.mission.slug);
    const source = safeHttpUrl(change.sourceUrl);
    return [
      "<entry>",
      `<id>${escapeXml(entryId(origin, change))}</id>`,
      `<title type="text">${escapeXml(entryTitle(change))}</title>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      source ? `<link rel="related" href="${escapeXml(source)}"/>` : "",
      `<published>${change.effectiveAt.toISOString()}</published>`,
      `<updated>${change.recordedAt.toISOString()}</updated>`,
      `<category term="${statusFilterOf(change.newStatus)}"/>`,
      `<content type="text">${escapeXml(entryText(change, currentStatus(change, freshness)))}</content>`,
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

export function jsonFeed({ origin, selfPath, title, changes, freshness }: FeedInput): object {
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
      return {
        id: entryId(origin, change),
        url: missionUrl(origin, change.mission.slug),
        ...(source ? { external_url: source } : {}),
        title: entryTitle(change),
        content_text: entryText(change, current),
        date_published: change.effectiveAt.toISOString(),
        date_modified: change.recordedAt.toISOString(),
        tags: [statusFilterOf(change.newStatus), change.mission.hostCode, change.mission.sendingCode],
        // A JSON Feed extension (keys starting with "_"): the mission's status when the feed is read.
        _chancery: {
          status: change.mission.status,
          freshness: current.freshness,
          verifiedAt: change.mission.verifiedAt?.toISOString() ?? null,
          statusText: current.text,
        },
      };
    }),
  };
}
