// Turns uploaded bytes into import candidates: checks the encoding, recognises the format
// and maps Wikidata country names to codes, reporting the ones it cannot map.
import { parseWikidataCsv } from "./wikidata-csv";
import { parseOwnExport } from "./own-format";
import type { ImportCandidate, ParsedImport, RejectedRow } from "./candidate";

export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8Line(bytes);
    return { ok: false, error: `The file is not valid UTF-8${at ? ` (first bad byte on line ${at})` : ""}: save it as UTF-8 and try again` };
  }
}

function firstInvalidUtf8Line(bytes: Uint8Array): number | undefined {
  let start = 0;
  let line = 1;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      start = i + 1;
      line++;
    }
  }
  return undefined;
}

export function readImportFile(bytes: Uint8Array): ParsedImport {
  if (bytes.byteLength === 0) return { ok: false, error: "The file is empty" };
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(/^\uFEFF/, "");
  if (/^\s*[[{]/.test(text)) return parseOwnExport(text);
  return readWikidataCsv(text);
}

function readWikidataCsv(text: string): ParsedImport {
  const header = text.slice(0, text.search(/\r?\n|$/));
  if (!header.includes(";") && (header.includes(",") || header.includes("\t"))) {
    return { ok: false, error: `Wrong delimiter: the header is separated by ${header.includes("\t") ? "tabs" : "commas"}; the Wikidata export uses ";"` };
  }
  // Missions without a known city still have a status worth tracking: keep them.
  const parsed = parseWikidataCsv(text, { acceptMissingCity: true });
  if (!parsed.ok) return parsed;
  const rejected: RejectedRow[] = [...parsed.rejected];
  const unmapped = new Map<string, number>();
  const candidates: ImportCandidate[] = [];
  for (const mission of parsed.missions) {
    const problems: string[] = [];
    if (!mission.sendingCode) problems.push(`cannot map sending country "${mission.sendingName}" to a code`);
    if (!mission.hostCode) problems.push(`cannot map host country "${mission.hostName}" to a code`);
    if (problems.length || !mission.sendingCode || !mission.hostCode) {
      for (const name of [!mission.sendingCode && mission.sendingName, !mission.hostCode && mission.hostName]) {
        if (name) unmapped.set(name, (unmapped.get(name) ?? 0) + 1);
      }
      rejected.push({ line: mission.line, reason: problems.join("; ") });
      continue;
    }
    candidates.push({
      line: mission.line,
      sendingCode: mission.sendingCode,
      hostCode: mission.hostCode,
      city: mission.city,
      type: mission.type,
      address: mission.address,
      latitude: mission.latitude,
      longitude: mission.longitude,
      phone: mission.phone,
      email: mission.email,
      website: mission.website,
      wikidataId: mission.wikidataId,
    });
  }
  const unmappedCountries = [...unmapped].map(([name, rows]) => ({ name, rows })).sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
  return { ok: true, format: "wikidata-csv", candidates, rejected: rejected.sort((a, b) => a.line - b.line), unmappedCountries };
}
