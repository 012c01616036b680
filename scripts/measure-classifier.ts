// Prints the notice classifier's precision and recall per class over the labelled corpus
// (tests/fixtures/notices/corpus.json): `npm run classifier:measure [corpus.json]`.
import { readFileSync } from "node:fs";
import { measureClassifier, type LabelledNotice } from "../lib/sources/measure";

const path = process.argv[2] ?? "tests/fixtures/notices/corpus.json";
const corpus = (JSON.parse(readFileSync(path, "utf8")) as { notices: LabelledNotice[] }).notices;
const result = measureClassifier(corpus);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

console.log(`${result.total} notices, ${result.correct} classified as labelled (${pct(result.correct / result.total)})`);
console.log("class      support  predicted  precision  recall");
for (const row of result.perClass) {
  console.log(`${row.class.padEnd(10)} ${String(row.support).padStart(7)}  ${String(row.predicted).padStart(9)}  ${pct(row.precision).padStart(9)}  ${pct(row.recall).padStart(6)}`);
}
console.log(`false "open" (a closure or limitation classified as reopened): ${result.falseOpen.length}${result.falseOpen.length ? ` (${result.falseOpen.join(", ")})` : ""}`);
console.log(`ends ("until …"): ${result.untilCorrect} of ${result.untilChecked} right`);
for (const mistake of result.mistakes) console.log(`  wrong: ${mistake.id} labelled ${mistake.label}, classified ${mistake.got}${mistake.trigger ? ` ("${mistake.trigger}")` : ""}`);
for (const mistake of result.untilMistakes) console.log(`  end wrong: ${mistake.id} expected ${JSON.stringify(mistake.expected)}, got ${JSON.stringify(mistake.got)}`);
