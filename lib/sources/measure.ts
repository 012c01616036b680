// Precision and recall of the classifier over a labelled corpus: used by
// `npm run classifier:measure` and by the unit test that holds the figures up.
import { classifyNotice, type NoticeClass } from "./classifier";
import type { Language } from "./schema";

export interface LabelledNotice {
  id: string;
  language: Language;
  publishedAt: string;
  label: NoticeClass;
  until?: "further-notice" | { month: number; day: number; boundary: "start" | "end" };
  title: string;
  text: string;
}

export interface ClassFigures {
  class: NoticeClass;
  support: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
}

export interface Measurement {
  total: number;
  correct: number;
  perClass: ClassFigures[];
  /** Closures (or limited services) classified as reopened: the error that must not happen. */
  falseOpen: string[];
  mistakes: Array<{ id: string; label: NoticeClass; got: NoticeClass; trigger: string | null }>;
  untilChecked: number;
  untilCorrect: number;
  untilMistakes: Array<{ id: string; expected: unknown; got: unknown }>;
}

const CLASSES: NoticeClass[] = ["closed", "limited", "reopened", "none"];
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function measureClassifier(corpus: LabelledNotice[]): Measurement {
  const results = corpus.map((notice) => ({ notice, got: classifyNotice({ ...notice, publishedAt: new Date(notice.publishedAt) }) }));
  const perClass = CLASSES.map((name): ClassFigures => {
    const support = results.filter(({ notice }) => notice.label === name).length;
    const predicted = results.filter(({ got }) => got.class === name).length;
    const truePositives = results.filter(({ notice, got }) => notice.label === name && got.class === name).length;
    return { class: name, support, predicted, truePositives, precision: ratio(truePositives, predicted), recall: ratio(truePositives, support) };
  });
  const untilResults = results.filter(({ notice }) => notice.until && notice.label === results.find((r) => r.notice === notice)!.got.class);
  const untilMistakes = untilResults
    .filter(({ notice, got }) => {
      if (notice.until === "further-notice") return !(got.end && got.end.day === null);
      const day = got.end?.day;
      return !day || day.month !== notice.until!.month || day.day !== notice.until!.day || day.boundary !== notice.until!.boundary;
    })
    .map(({ notice, got }) => ({ id: notice.id, expected: notice.until, got: got.end }));
  return {
    total: results.length,
    correct: results.filter(({ notice, got }) => notice.label === got.class).length,
    perClass,
    falseOpen: results.filter(({ notice, got }) => (notice.label === "closed" || notice.label === "limited") && got.class === "reopened").map(({ notice }) => notice.id),
    mistakes: results.filter(({ notice, got }) => notice.label !== got.class).map(({ notice, got }) => ({ id: notice.id, label: notice.label, got: got.class, trigger: got.trigger })),
    untilChecked: untilResults.length,
    untilCorrect: untilResults.length - untilMistakes.length,
    untilMistakes,
  };
}
