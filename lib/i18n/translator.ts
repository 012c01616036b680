// Translations and formats for one language, from its message file (ICU messages through
// use-intl, next-intl's core). Plain functions: the pages, the embed (outside Next) and the
// API use the same ones. A missing key falls back to English; tests/unit/messages.test.ts keeps
// every file complete.
import { createFormatter, createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import uk from "@/messages/uk.json";
import de from "@/messages/de.json";
import ar from "@/messages/ar.json";
import { DEFAULT_LOCALE, directionOf, type Locale } from "./locales";

export type Messages = typeof en;
export const MESSAGES: Record<Locale, Messages> = { en, uk: uk as Messages, de: de as Messages, ar: ar as Messages };

function build(locale: Locale) {
  const t = createTranslator({
    locale,
    messages: MESSAGES[locale],
    // A key missing from a file (caught by the messages test) shows in English, not as its name.
    getMessageFallback: ({ key, namespace }) => {
      const path = [namespace, key].filter(Boolean).join(".");
      const english = path.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), en);
      return typeof english === "string" ? english : path;
    },
    onError: () => {},
  });
  return { locale, dir: directionOf(locale), t, format: createFormatter({ locale }) };
}

export type I18n = ReturnType<typeof build>;
const built = new Map<Locale, I18n>();

export function i18nFor(locale: Locale = DEFAULT_LOCALE): I18n {
  let i18n = built.get(locale);
  if (!i18n) built.set(locale, (i18n = build(locale)));
  return i18n;
}

/** Stands for an element inside a message: `around(t("host.heading", { place: SLOT }))`. */
export const SLOT = "\u0000";

/** The text before and after the slot, so an element (a flag and a name) can go between. */
export function around(message: string): [string, string] {
  const [before = "", after = ""] = message.split(SLOT);
  return [before, after];
}
