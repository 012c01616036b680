// City names in the interface languages where the imported data has only English ones (the
// Wikidata export at /work/shared/data carries English labels). A small curated list: the
// seeded Kyiv, Ukraine's other mission cities and the capitals that host most missions. The
// names are the Wikidata labels of each city's item (QID beside it) in uk, de and ar, copied by
// hand on 2026-12-02; more languages or cities are added here the same way.
import type { Locale } from "./locales";

type Names = Partial<Record<Exclude<Locale, "en">, string>> & { qid: string };

export const CITY_NAMES: Readonly<Record<string, Names>> = {
  Kyiv: { qid: "Q1899", uk: "Київ", de: "Kiew", ar: "كييف" },
  Lviv: { qid: "Q36036", uk: "Львів", de: "Lwiw", ar: "لفيف" },
  Odesa: { qid: "Q1874", uk: "Одеса", de: "Odessa", ar: "أوديسا" },
  Kharkiv: { qid: "Q42308", uk: "Харків", de: "Charkiw", ar: "خاركيف" },
  Dnipro: { qid: "Q48256", uk: "Дніпро", de: "Dnipro", ar: "دنيبرو" },
  Berlin: { qid: "Q64", uk: "Берлін", de: "Berlin", ar: "برلين" },
  London: { qid: "Q84", uk: "Лондон", de: "London", ar: "لندن" },
  Paris: { qid: "Q90", uk: "Париж", de: "Paris", ar: "باريس" },
  Warsaw: { qid: "Q270", uk: "Варшава", de: "Warschau", ar: "وارسو" },
  Vienna: { qid: "Q1741", uk: "Відень", de: "Wien", ar: "فيينا" },
  Rome: { qid: "Q220", uk: "Рим", de: "Rom", ar: "روما" },
  Madrid: { qid: "Q2807", uk: "Мадрид", de: "Madrid", ar: "مدريد" },
  Moscow: { qid: "Q649", uk: "Москва", de: "Moskau", ar: "موسكو" },
  Washington: { qid: "Q61", uk: "Вашингтон", de: "Washington", ar: "واشنطن" },
  "Washington, D.C.": { qid: "Q61", uk: "Вашингтон", de: "Washington", ar: "واشنطن" },
  Brussels: { qid: "Q239", uk: "Брюссель", de: "Brüssel", ar: "بروكسل" },
  Beijing: { qid: "Q956", uk: "Пекін", de: "Peking", ar: "بكين" },
  Tokyo: { qid: "Q1490", uk: "Токіо", de: "Tokio", ar: "طوكيو" },
  Ankara: { qid: "Q3640", uk: "Анкара", de: "Ankara", ar: "أنقرة" },
  Cairo: { qid: "Q85", uk: "Каїр", de: "Kairo", ar: "القاهرة" },
  Chisinau: { qid: "Q21197", uk: "Кишинів", de: "Chișinău", ar: "كيشيناو" },
  Bucharest: { qid: "Q19660", uk: "Бухарест", de: "Bukarest", ar: "بوخارست" },
  Prague: { qid: "Q1085", uk: "Прага", de: "Prag", ar: "براغ" },
};

/** The city's name in the language, or the data's own (English) name. */
export function cityNameIn(city: string, locale: Locale): string {
  if (locale === "en") return city;
  return CITY_NAMES[city]?.[locale] ?? city;
}

/** Every kept name of the city, for search. */
export function allCityNames(city: string): string[] {
  const names = CITY_NAMES[city];
  if (!names) return [city];
  return [city, ...Object.entries(names).flatMap(([key, name]) => (key === "qid" ? [] : [name]))];
}
