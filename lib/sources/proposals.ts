// From notices to proposals: each notice is classified, matched to the missions its source
// speaks for, and becomes one proposal per mission (a re-verification when it repeats the
// status in force). Used by the fetch job (stored) and by "test" (shown, not stored).
import crypto from "node:crypto";
import { wallTimeToInstant } from "@/lib/zoned-time";
import { classifyNotice, type Classification, type NoticeDay } from "./classifier";
import type { Notice } from "./notices";
import type { Language } from "./schema";

export interface ProposalMission {
  id: number;
  status: string | null;
  timeZone: string;
}

export interface ProposalSource {
  id: number;
  name: string;
  language: Language;
}

export interface ProposalDraft {
  missionId: number;
  dedupeKey: string;
  kind: "change" | "reverify";
  classification: "closed" | "limited" | "reopened";
  suggestedStatus: "open" | "limited" | "closed";
  until: Date | null;
  untilPhrase: string | null;
  title: string;
  excerpt: string;
  triggerPhrase: string;
  link: string;
  publishedAt: Date | null;
  confidence: number;
  diff: string | null;
}

/** Feed items older than this when first seen are history, not news. */
export const MAX_NOTICE_AGE_MS = 14 * 24 * 3600 * 1000;

const SUGGESTED = { closed: "closed", limited: "limited", reopened: "open" } as const;

// What Chancery's text fields refuse (lib/input/text.ts): controls, separators, bidi overrides.
const REFUSED = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFFFE\uFFFF]/g;

/** Text from outside, made fit for Chancery's fields: refused characters dropped, one line if asked, cut at max. */
export function fitText(value: string, max: number, { oneLine = false } = {}): string {
  let text = value.replace(/\r\n?/g, "\n").replace(REFUSED, " ");
  if (oneLine) text = text.replace(/\s+/g, " ");
  text = text.trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

export const dedupeKeyOf = (sourceId: number, noticeKey: string, missionId: number) =>
  crypto.createHash("sha256").update(`${sourceId}\n${noticeKey}\n${missionId}`).digest("hex");

function dayToInstant(day: NoticeDay, timeZone: string): Date | null {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + (day.boundary === "end" ? 1 : 0)));
  return wallTimeToInstant(`${date.toISOString().slice(0, 10)}T00:00`, timeZone) ?? null;
}

export function proposalsFor(source: ProposalSource, notice: Notice, missions: ProposalMission[], now: Date): { classification: Classification; drafts: ProposalDraft[] } {
  const classification = classifyNotice({ title: notice.title, text: notice.text, language: source.language, publishedAt: notice.publishedAt });
  if (classification.class === "none") return { classification, drafts: [] };
  if (notice.publishedAt && now.getTime() - notice.publishedAt.getTime() > MAX_NOTICE_AGE_MS) return { classification, drafts: [] };
  const suggestedStatus = SUGGESTED[classification.class];
  const drafts = missions.map((mission): ProposalDraft => {
    const until = classification.end?.day ? dayToInstant(classification.end.day, mission.timeZone) : null;
    return {
      missionId: mission.id,
      dedupeKey: dedupeKeyOf(source.id, notice.key, mission.id),
      kind: mission.status === suggestedStatus ? "reverify" : "change",
      classification: classification.class as ProposalDraft["classification"],
      suggestedStatus,
      // An end already past when the notice is read is no end to schedule.
      until: until && until > now ? until : null,
      untilPhrase: classification.end ? fitText(classification.end.phrase, 200, { oneLine: true }) : null,
      title: fitText(notice.title || source.name, 200, { oneLine: true }),
      excerpt: fitText(classification.sentence ?? notice.text, 500),
      triggerPhrase: fitText(classification.trigger ?? "", 200, { oneLine: true }),
      link: notice.link,
      publishedAt: notice.publishedAt,
      confidence: classification.confidence,
      diff: notice.diff ? fitText(notice.diff, 5000) : null,
    };
  });
  return { classification, drafts };
}
