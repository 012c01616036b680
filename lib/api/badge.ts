// A shields-style SVG badge: "<sending> <city> | <status · freshness>", with the status's icon
// letter and its freshness in words, so it relies on colour for nothing.
import { escapeXml } from "@/lib/http/escape";
import { isConfirmed, type Freshness } from "@/lib/status/freshness";
import { statusFilterOf, type StatusFilter } from "@/lib/status/schema";

const COLOURS: Record<StatusFilter, string> = { open: "#166534", limited: "#92400e", closed: "#991b1b", unreported: "#475569" };
/** A status no source confirmed recently is not shown in the colour of a current fact. */
const UNCONFIRMED_COLOUR = "#475569";
const SYMBOLS: Record<StatusFilter, string> = { open: "✓", limited: "◐", closed: "✕", unreported: "–" };

const widthOf = (text: string) => Math.round(text.length * 6.6 + 12);

/** `text` is the status in words (lib/status/wording.ts), e.g. "Closed · not confirmed since 20 Nov 2024". */
export function statusBadgeSvg(label: string, status: string | null, freshness: Freshness | null, text: string): string {
  const filter = statusFilterOf(status);
  const value = `${SYMBOLS[filter]} ${text}`;
  const left = widthOf(label);
  const right = widthOf(value);
  const title = `${label}: ${text}`;
  const colour = filter === "unreported" || isConfirmed(freshness) ? COLOURS[filter] : UNCONFIRMED_COLOUR;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${left + right}" height="20" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title><rect width="${left}" height="20" fill="#334155"/><rect x="${left}" width="${right}" height="20" fill="${colour}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11"><text x="6" y="14">${escapeXml(label)}</text><text x="${left + 6}" y="14">${escapeXml(value)}</text></g></svg>`;
}
