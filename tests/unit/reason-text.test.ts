import { describe, expect, it } from "vitest";
import { reasonFor } from "@/lib/i18n/reason-text";

const written = { original: "Посольство зачинене через загрозу повітряної атаки.", language: "uk", translations: { de: "Die Botschaft ist wegen der Gefahr eines Luftangriffs geschlossen." } };

describe("a translated reason", () => {
  it("shows the reader's translation, or the original with its language named", () => {
    expect(reasonFor(written, "uk")).toEqual({ text: written.original, language: "uk", note: null });
    expect(reasonFor(written, "de")).toEqual({ text: written.translations.de, language: "de", note: null });
    expect(reasonFor(written, "en")).toEqual({ text: written.original, language: "uk", note: "(original in Ukrainian)" });
    expect(reasonFor(written, "ar").note).toBe("(الأصل باللغة الأوكرانية)");
    expect(reasonFor({ original: "Fermée.", language: "fr" }, "en").note).toBe("(original in fr)");
  });
});
