// Names sorted the way the reader's language sorts them (Intl.Collator): "Österreich" among
// the O's in German, Cyrillic by the Ukrainian alphabet (є after е, і after и), Arabic by its
// own letters. Lists the page holds whole (host countries on the home page, the filter's
// choices) sort by the names shown; the paged tables keep the database's one order (decision 041).
import type { Locale } from "./locales";

const collators = new Map<string, Intl.Collator>();

export function collatorFor(locale: Locale | string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true })));
  return collator;
}

/** A copy sorted by each item's name in the language; equal names keep their order. */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string, locale: Locale | string): T[] {
  const collator = collatorFor(locale);
  return items
    .map((item) => ({ item, name: nameOf(item) }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(({ item }) => item);
}
