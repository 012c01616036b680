// Classifies a notice as closed / limited / reopened / none by the per-language rules in
// classifier-rules.ts, with the phrase that triggered it, the sentence around it, an end when
// the notice gives one, and a confidence. A closing signal always outranks an opening one, so a
// notice that mentions a closure is never proposed as open.
import { RULES, type NoticeClass, type Rule, type SignalClass } from "./classifier-rules";
import type { Language } from "./schema";

export type { NoticeClass } from "./classifier-rules";

/** A calendar day from the notice; the proposal turns it into an instant in the mission's zone. */
export interface NoticeDay {
  year: number;
  month: number;
  day: number;
  /** "start": holds until that day begins ("until 25 November"); "end": through that day ("closed on 20 November"). */
  boundary: "start" | "end";
}

export interface NoticeEnd {
  phrase: string;
  /** null: until further notice. */
  day: NoticeDay | null;
}

export interface Classification {
  class: NoticeClass;
  trigger: string | null;
  sentence: string | null;
  confidence: number;
  end: NoticeEnd | null;
}

interface Hit {
  rule: Rule;
  text: string;
  sentence: string;
  inTitle: boolean;
}

const PRECEDENCE: SignalClass[] = ["closed", "limited", "reopened"];

export function normalize(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[ \t]+/g, " ");
}

function sentences(text: string): string[] {
  return normalize(text)
    .split(/(?<=[^\d\s][.!?])\s+|\n+/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

function escapeRegExp(value: string) {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function negated(sentence: string, index: number, negations: string[]): boolean {
  const before = sentence.slice(Math.max(0, index - 25), index).toLowerCase();
  return negations.some((word) => new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}(?![\\p{L}])`, "u").test(before));
}

function findHits(title: string, text: string, language: Language): Hit[] {
  const { rules, negations } = RULES[language];
  const hits: Hit[] = [];
  const parts = [...sentences(title).map((sentence) => ({ sentence, inTitle: true })), ...sentences(text).map((sentence) => ({ sentence, inTitle: false }))];
  for (const { sentence, inTitle } of parts) {
    for (const rule of rules) {
      const match = rule.pattern.exec(sentence);
      if (!match) continue;
      if (rule.negatable && negated(sentence, match.index, negations)) continue;
      hits.push({ rule, text: match[0].trim(), sentence, inTitle });
    }
  }
  return hits;
}

function monthIndex(word: string, months: string[][]): number {
  const lower = word.toLowerCase().replace(/\.$/, "");
  return months.findIndex((names) => names.includes(lower));
}

/** The year a day-and-month without one most likely means: the one nearest after publication. */
function inferYear(month: number, day: number, publishedAt: Date | null): number {
  const base = publishedAt ?? new Date();
  const year = base.getUTCFullYear();
  const candidate = Date.UTC(year, month - 1, day);
  return candidate < base.getTime() - 60 * 86_400_000 ? year + 1 : year;
}

function findEnd(sentence: string, language: Language, publishedAt: Date | null): NoticeEnd | null {
  const rules = RULES[language];
  const lower = sentence.toLowerCase();
  for (const phrase of rules.furtherNotice) {
    const at = lower.indexOf(phrase);
    if (at >= 0) return { phrase: sentence.slice(at, at + phrase.length), day: null };
  }
  const monthNames = rules.months.flat().map(escapeRegExp).join("|");
  const words = [...rules.untilWords.start.map((word) => ({ word, boundary: "start" as const })), ...rules.untilWords.end.map((word) => ({ word, boundary: "end" as const }))].sort(
    (a, b) => b.word.length - a.word.length,
  );
  const lead = words.map(({ word }) => escapeRegExp(word)).join("|");
  const weekday = "(?:\\p{L}+,?\\s+)?";
  const datePattern =
    rules.dateOrder === "month-day"
      ? `(?<![\\p{L}])(${lead})\\s+${weekday}(${monthNames})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?|(?<![\\p{L}])(${lead})\\s+${weekday}(\\d{1,2})(?:st|nd|rd|th)?\\s+(${monthNames})(?:,?\\s+(\\d{4}))?`
      : `(?<![\\p{L}])(${lead})\\s+${weekday}(\\d{1,2})\\.?\\s+(?:de\\s+)?(${monthNames})(?:\\s+(?:de\\s+)?(\\d{4}))?`;
  const match = new RegExp(datePattern, "iu").exec(sentence);
  if (!match) return null;
  let leadWord: string;
  let monthWord: string;
  let dayText: string;
  let yearText: string | undefined;
  if (rules.dateOrder === "month-day" && match[1]) [leadWord, monthWord, dayText, yearText] = [match[1], match[2]!, match[3]!, match[4]];
  else if (rules.dateOrder === "month-day") [leadWord, dayText, monthWord, yearText] = [match[5]!, match[6]!, match[7]!, match[8]];
  else [leadWord, dayText, monthWord, yearText] = [match[1]!, match[2]!, match[3]!, match[4]];
  const month = monthIndex(monthWord, rules.months) + 1;
  const day = Number(dayText);
  if (month < 1 || day < 1 || day > 31) return null;
  const boundary = words.find(({ word }) => word === leadWord.toLowerCase())?.boundary ?? "end";
  // "bis einschließlich" / "до … включно": through that day.
  const through = /einschließlich|включно|inclus|inclusive/iu.test(sentence.slice(match.index, match.index + match[0].length + 15));
  return { phrase: match[0].trim(), day: { year: yearText ? Number(yearText) : inferYear(month, day, publishedAt), month, day, boundary: through ? "end" : boundary } };
}

export interface NoticeText {
  title: string;
  text: string;
  language: Language;
  publishedAt: Date | null;
}

export function classifyNotice({ title, text, language, publishedAt }: NoticeText): Classification {
  const hits = findHits(title, text, language);
  const signalled = PRECEDENCE.filter((signal) => hits.some((hit) => hit.rule.signal === signal));
  const winner = signalled[0];
  if (!winner) return { class: "none", trigger: null, sentence: null, confidence: 0.9, end: null };
  const best = hits
    .filter((hit) => hit.rule.signal === winner)
    .sort((a, b) => b.rule.weight - a.rule.weight || Number(b.inTitle) - Number(a.inTitle))[0]!;
  let confidence = best.rule.weight + (best.inTitle ? 0.05 : 0) + Math.min(0.05, 0.02 * (hits.filter((hit) => hit.rule.signal === winner).length - 1));
  // Mixed signals (a closure and a reopening in one notice) are worth a closer look.
  if (signalled.length > 1) confidence -= winner === "closed" && signalled.includes("reopened") ? 0.25 : 0.1;
  const ending = winner === "reopened" ? null : (findEnd(best.sentence, language, publishedAt) ?? hits.map((hit) => findEnd(hit.sentence, language, publishedAt)).find(Boolean) ?? null);
  return {
    class: winner,
    trigger: best.text,
    sentence: best.sentence,
    confidence: Math.round(Math.max(0.05, Math.min(0.99, confidence)) * 100) / 100,
    end: ending,
  };
}
