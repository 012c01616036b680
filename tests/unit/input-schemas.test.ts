// The shared input rules (lib/input/*), over many generated values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EARLIEST_INSTANT, InstantSchema, latestInstant } from "@/lib/input/instant";
import { optionalText, refusedCharacter, requiredText } from "@/lib/input/text";

const inRange = fc.date({ min: EARLIEST_INSTANT, max: new Date(Date.now() + 365 * 24 * 3600 * 1000), noInvalidDate: true });

describe("InstantSchema", () => {
  it("reads every ISO 8601 form of an instant in range back as that instant, whatever the offset", () => {
    fc.assert(
      fc.property(inRange, fc.integer({ min: -14 * 60, max: 14 * 60 }), (date, offsetMinutes) => {
        const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
        const sign = offsetMinutes < 0 ? "-" : "+";
        const abs = Math.abs(offsetMinutes);
        const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
        expect(InstantSchema.parse(`${local}${offset}`).getTime()).toBe(date.getTime());
        expect(InstantSchema.parse(date.toISOString()).getTime()).toBe(date.getTime());
      }),
    );
  });

  it("never coerces: no number, boolean, null, object or zone-less text is an instant", () => {
    const notAnInstant = fc.oneof(
      fc.anything().filter((value) => typeof value !== "string"),
      fc.string(),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 19)),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
    );
    fc.assert(
      fc.property(notAnInstant, (value) => {
        expect(InstantSchema.safeParse(value).success).toBe(false);
      }),
    );
  });

  it("refuses instants outside the range and names the range", () => {
    const outside = fc.oneof(
      fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date(EARLIEST_INSTANT.getTime() - 1), noInvalidDate: true }),
      fc.date({ min: new Date(latestInstant().getTime() + 60_000), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }),
    );
    fc.assert(
      fc.property(outside, (date) => {
        const result = InstantSchema.safeParse(date.toISOString());
        expect(result.success).toBe(false);
        expect(result.error?.issues[0]?.message).toBe("must be between 1990-01-01 and 5 years from now");
      }),
    );
  });
});

// CR is a newline to multi-line fields (CRLF from textareas), refused in the others (below).
const REFUSED = [..."\u0000\u0001\u0007\u0008\u0009\u000B\u000C\u001B\u001F\u007F\u0080\u0085\u009F\u2028\u2029\uFFFE\uFFFF\uFDD0", "\uD800", "\uDFFF"];
const BIDI = [..."\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"];
// Letters of many scripts, spaces, punctuation, emoji, right-to-left marks: all welcome.
const WELCOME = fc.string({ unit: fc.constantFrom(..."aZ09 -.,'’()/&éßŁłİıØøКиївこんにちはشكراעברית\u200F\u200E😀🇺🇦") });

describe("text fields", () => {
  it("keep any welcome text, trimmed", () => {
    fc.assert(
      fc.property(WELCOME, fc.constantFrom("line", "lines", "name") as fc.Arbitrary<"line" | "lines" | "name">, (text, kind) => {
        expect(refusedCharacter(text, kind)).toBeNull();
        expect(optionalText(10_000, kind).parse(text)).toBe(text.trim() || null);
      }),
    );
  });

  it("refuse any text with a control or invalid character in any kind of field, naming the code point", () => {
    fc.assert(
      fc.property(WELCOME, WELCOME, fc.constantFrom(...REFUSED), fc.constantFrom("line", "lines", "name") as fc.Arbitrary<"line" | "lines" | "name">, (before, after, char, kind) => {
        const result = requiredText(10_000, kind).safeParse(`x${before}${char}${after}x`);
        expect(result.success).toBe(false);
        expect(result.error?.issues.map((issue) => issue.message).join()).toMatch(/must not contain U\+[0-9A-F]{4}/);
      }),
    );
  });

  it("keep newlines (CRLF as LF) only in multi-line fields", () => {
    fc.assert(
      fc.property(WELCOME, WELCOME, fc.constantFrom("\n", "\r\n", "\r"), (before, after, newline) => {
        const text = `x${before}${newline}${after}x`;
        expect(requiredText(10_000, "lines").parse(text)).toBe(text.replace(/\r\n?/g, "\n").trim());
        expect(requiredText(10_000, "line").safeParse(text).success).toBe(false);
        expect(requiredText(10_000, "name").safeParse(text).success).toBe(false);
      }),
    );
  });

  it("refuse bidi overrides and isolates in names only", () => {
    fc.assert(
      fc.property(WELCOME, fc.constantFrom(...BIDI), (text, char) => {
        expect(refusedCharacter(`${text}${char}`, "name")).toMatch(/bidirectional/);
        expect(refusedCharacter(`${text}${char}`, "line")).toBeNull();
      }),
    );
  });
});
