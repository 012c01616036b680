// The folded columns a mission's search and sort read (decision 027). One definition each: the
// writes store them (lib/missions/folded-columns.ts), the cursors and the in-memory order of
// as-of tables compute them from a row, so both databases and memory agree.
import { searchAliasesFor } from "@/lib/i18n/search-aliases";
import { foldText } from "@/lib/text/fold";
import { missionTypeLabel } from "./types";

/** What a mission is found by. An object, so localized names can join without new call sites. */
export interface MissionNames {
  sendingName: string;
  sendingCode: string;
  hostCode: string;
  hostName: string;
  city: string;
  type: string;
  /** The current status's reason: "air warning" finds the missions closed for one. */
  reason: string | null;
}

// The names in other languages of a mission's countries and city, folded: a few thousand
// places at most, so kept for the life of the process.
const foldedAliases = new Map<string, string>();
function foldedAliasesOf({ sendingCode, hostCode, city }: Pick<MissionNames, "sendingCode" | "hostCode" | "city">): string {
  const key = `${sendingCode} ${hostCode} ${city}`;
  let folded = foldedAliases.get(key);
  if (folded === undefined) {
    folded = foldText(searchAliasesFor({ sendingCode, hostCode, city }).join(" "));
    if (foldedAliases.size >= 50_000) foldedAliases.clear();
    foldedAliases.set(key, folded);
  }
  return folded;
}

/**
 * The folded text search matches words against (each word a substring of it): the names as
 * stored, and the countries' and city's names in every language we know ("Київ", "Kiew").
 */
export function missionSearchText(names: MissionNames): string {
  const own = foldText([names.sendingName, names.sendingCode, names.hostName, names.city, missionTypeLabel(names.type), names.reason ?? ""].join(" "));
  return `${own} ${foldedAliasesOf(names)}`;
}

/** The words of a query as search compares them. */
export function searchWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

export interface SortKeys {
  sendingKey: string;
  hostKey: string;
  cityKey: string;
}

export function missionSortKeys(names: Pick<MissionNames, "sendingName" | "hostName" | "city">): SortKeys {
  return { sendingKey: foldText(names.sendingName), hostKey: foldText(names.hostName), cityKey: foldText(names.city) };
}

const BEYOND_SURROGATES = /[\uD800-\uFFFF]/;

/** Code-point order: what SQLite's BINARY and PostgreSQL's "C" collation give on UTF-8 text. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  // UTF-16 order is code-point order unless a string holds a surrogate or a code unit above
  // them; the folded keys almost never do, and the world's as-of sort compares ~140,000 pairs.
  if (!BEYOND_SURROGATES.test(a) && !BEYOND_SURROGATES.test(b)) return a < b ? -1 : 1;
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const difference = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (difference) return difference;
  }
}
