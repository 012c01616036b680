// The one rule for text people type into Chancery. Refused everywhere: C0 controls (NUL breaks
// PostgreSQL, vertical tab and form feed break every XML feed reader), DEL, C1 controls, line
// and paragraph separators, noncharacters and lone surrogates. Newlines are kept in multi-line
// fields only. Names also refuse bidi overrides and isolates, which make a name display as
// something it is not ("Trojan Source"); right-to-left text itself is welcome.
import { z } from "zod";

export type TextKind = "line" | "lines" | "name";

// Newline (U+000A) is checked separately: allowed in "lines".
const ALWAYS_REFUSED = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** Why the text is refused for this kind of field, or null when it is fine. */
export function refusedCharacter(text: string, kind: TextKind): string | null {
  const control = ALWAYS_REFUSED.exec(text)?.[0] ?? (kind !== "lines" && text.includes("\n") ? "\n" : undefined);
  if (control === "\n") return `must not contain ${codePoint(control)} (a line break: this field is one line)`;
  if (control !== undefined) return `must not contain ${codePoint(control)} (a control or invalid character)`;
  const bidi = kind === "name" ? BIDI_CONTROLS.exec(text)?.[0] : undefined;
  if (bidi !== undefined) return `must not contain ${codePoint(bidi)} (a bidirectional override or isolate)`;
  return null;
}

const checked = (kind: TextKind, typeError = "must be text") =>
  z
    .string({ error: typeError })
    // Browsers send textarea line breaks as CRLF.
    .overwrite((value) => (kind === "lines" ? value.replace(/\r\n?/g, "\n") : value))
    .trim()
    .superRefine((value, ctx) => {
      const problem = refusedCharacter(value, kind);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

const atMost = (max: number) => `must be at most ${max} characters`;

/** Required text, trimmed; empty after trimming is "is required". */
export function requiredText(max: number, kind: TextKind = "line", { min = 1 } = {}) {
  return checked(kind, "is required")
    .min(min, min === 1 ? "is required" : `must be at least ${min} characters`)
    .max(max, atMost(max));
}

/** Optional text, trimmed; empty, null or missing become null. */
export function optionalText(max: number, kind: TextKind = "line") {
  return checked(kind)
    .max(max, atMost(max))
    .nullish()
    .transform((value) => (value ? value : null));
}

/** For text that is not stored but shown or matched (filters, search, an embed's title): the same rules. */
export function queryText(max: number, kind: TextKind = "line") {
  return checked(kind).max(max, atMost(max));
}
