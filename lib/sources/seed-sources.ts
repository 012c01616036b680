// The official sources for the Kyiv missions of the seed report, added DISABLED: the embedded
// default never reaches the network by itself. An admin resumes them at /admin/sources (and
// the server needs SOURCE_WATCHING=on). Idempotent: a source already there (by URL) is kept.
import type { Db } from "@/lib/db/create";
import type { Language, SourceKind } from "./schema";

interface SeedSource {
  name: string;
  url: string;
  kind: SourceKind;
  language: Language;
  sendingCode: string;
  hostCode: string;
  intervalMinutes: number;
}

export const KYIV_SOURCES: SeedSource[] = [
  {
    name: "U.S. Embassy in Ukraine: alerts (RSS)",
    url: "https://ua.usembassy.gov/category/alert/feed/",
    kind: "rss",
    language: "en",
    sendingCode: "US",
    hostCode: "UA",
    intervalMinutes: 15,
  },
  {
    name: "GOV.UK: Ukraine travel advice (Content API)",
    url: "https://www.gov.uk/api/content/foreign-travel-advice/ukraine",
    kind: "govuk",
    language: "en",
    sendingCode: "GB",
    hostCode: "UA",
    intervalMinutes: 30,
  },
  {
    name: "Auswärtiges Amt: Reise- und Sicherheitshinweise (Open Data), Ukraine",
    url: "https://www.auswaertiges-amt.de/opendata/travelwarning",
    kind: "de-aa",
    language: "de",
    sendingCode: "DE",
    hostCode: "UA",
    intervalMinutes: 60,
  },
];

export async function seedWatchedSources(db: Db): Promise<number> {
  let added = 0;
  for (const source of KYIV_SOURCES) {
    if (await db.source.findFirst({ where: { url: source.url }, select: { id: true } })) continue;
    await db.source.create({ data: { ...source, enabled: false } });
    added++;
  }
  return added;
}
