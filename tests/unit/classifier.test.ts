// The notice classifier against its labelled corpus (figures held up, not just printed), its
// held-out set (no false "open" even where it misses), end extraction, and a property: adding
// a closure sentence to any notice never makes it "reopened".
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyNotice } from "@/lib/sources/classifier";
import { measureClassifier, type LabelledNotice } from "@/lib/sources/measure";
import { LANGUAGES, type Language } from "@/lib/sources/schema";

const load = (name: string) => (JSON.parse(readFileSync(`tests/fixtures/notices/${name}.json`, "utf8")) as { notices: LabelledNotice[] }).notices;
const corpus = load("corpus");
const holdout = load("holdout");

describe("the labelled corpus", () => {
  it("has at least 60 notices in five languages and every class", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.map((notice) => notice.language))).toEqual(new Set(LANGUAGES));
    expect(new Set(corpus.map((notice) => notice.label))).toEqual(new Set(["closed", "limited", "reopened", "none"]));
  });

  it("is classified with precision and recall of at least 90% per class, every end right, and no false open", () => {
    const result = measureClassifier(corpus);
    for (const row of result.perClass) {
      expect(row.precision, `${row.class} precision`).toBeGreaterThanOrEqual(0.9);
      expect(row.recall, `${row.class} recall`).toBeGreaterThanOrEqual(0.9);
    }
    expect(result.falseOpen).toEqual([]);
    expect(result.untilMistakes).toEqual([]);
  });

  it("proposes no closure or limitation as open on the held-out set either (its misses are 'none')", () => {
    const result = measureClassifier(holdout);
    expect(result.falseOpen).toEqual([]);
    expect(result.perClass.find((row) => row.class === "closed")!.precision).toBe(1);
  });
});

describe("what a classification holds", () => {
  it("names the triggering phrase, the sentence and the end", () => {
    const result = classifyNotice({
      language: "en",
      publishedAt: new Date("2024-11-20T06:00:00Z"),
      title: "Security Alert",
      text: "Air raid alerts are likely. The Embassy will be closed on November 20 and staff will shelter in place.",
    });
    expect(result).toMatchObject({ class: "closed", end: { phrase: "on November 20", day: { year: 2024, month: 11, day: 20, boundary: "end" } } });
    expect(result.trigger).toMatch(/Embassy will be closed/);
    expect(result.sentence).toBe("The Embassy will be closed on November 20 and staff will shelter in place.");
    expect(result.confidence).toBeGreaterThan(0.5);
  });

  it("reads 'until further notice' in each language as an open end", () => {
    const cases: Array<[Language, string]> = [
      ["en", "The Embassy is closed until further notice."],
      ["de", "Die Botschaft ist bis auf Weiteres geschlossen."],
      ["fr", "L'ambassade est fermée jusqu'à nouvel ordre."],
      ["es", "La Embajada permanecerá cerrada hasta nuevo aviso."],
      ["uk", "Посольство зачинене до подальшого повідомлення."],
    ];
    for (const [language, text] of cases) {
      expect(classifyNotice({ language, text, title: "", publishedAt: null }), text).toMatchObject({ class: "closed", end: { day: null } });
    }
  });

  it("puts a date early in the year after a December notice in the next year", () => {
    const result = classifyNotice({ language: "en", title: "", text: "The Embassy will be closed until January 3.", publishedAt: new Date("2024-12-20T10:00:00Z") });
    expect(result.end?.day).toEqual({ year: 2025, month: 1, day: 3, boundary: "start" });
  });
});

const CLOSURES: Record<Language, string[]> = {
  en: ["The Embassy will be closed today.", "The Consulate is closed to the public."],
  uk: ["Посольство буде зачинене.", "Посольство тимчасово не працює."],
  de: ["Die Botschaft bleibt heute geschlossen.", "Die Botschaft hat ihren Dienstbetrieb eingestellt."],
  fr: ["L'ambassade sera fermée.", "Le consulat est temporairement fermé."],
  es: ["La Embajada permanecerá cerrada.", "El Consulado está cerrado."],
};

const REOPENINGS: Record<Language, string> = {
  en: "The Embassy reopened and resumed normal operations.",
  uk: "Посольство відновило свою роботу.",
  de: "Die Botschaft ist wieder geöffnet.",
  fr: "L'ambassade a rouvert et reprend normalement ses activités.",
  es: "La Embajada reanuda sus actividades.",
};

describe("never a false open", () => {
  it("a closure sentence anywhere in a notice, even beside a reopening, is never classified as reopened", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGUAGES),
        fc.nat(1),
        fc.array(fc.oneof(fc.lorem({ maxCount: 12 }), fc.constantFrom(...Object.values(REOPENINGS))), { maxLength: 4 }),
        fc.nat(5),
        fc.boolean(),
        (language, which, filler, at, reopeningLast) => {
          const sentences = [...filler];
          sentences.splice(Math.min(at, sentences.length), 0, CLOSURES[language][which]!);
          if (reopeningLast) sentences.push(REOPENINGS[language]);
          const result = classifyNotice({ language, title: "", text: sentences.join(" "), publishedAt: null });
          expect(result.class).toBe("closed");
        },
      ),
      { numRuns: 300 },
    );
  });
});
