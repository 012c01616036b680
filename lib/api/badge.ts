// A shields-style SVG badge: "<sending> <city> | <status>", with the status's icon letter so
// it does not rely on colour alone.
import { escapeXml } from "@/lib/http/escape";
import { STATUS_LABELS, statusFilterOf, type StatusFilter } from "@/lib/status/schema";

const COLOURS: Record<StatusFilter, string> = { open: "#166534", limited: "#92400e", closed: "#991b1b", unreported: "#475569" };
const SYMBOLS: Record<StatusFilter, string> = { open: "✓", limited: "◐", closed: "✕", unreported: "–" };

const widthOf = (text: string) => Math.round(text.length * 6.6 + 12);

export function statusBadgeSvg(label: string, status: string | null): string {
  const filter = statusFilterOf(status);
  const value = `${SYMBOLS[filter]} ${STATUS_LABELS[filter]}`;
  const left = widthOf(label);
  const right = widthOf(value);
  const title = `${label}: ${STATUS_LABELS[filter]}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${left + right}" height="20" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title><rect width="${left}" height="20" fill="#334155"/><rect x="${left}" width="${right}" height="20" fill="${COLOURS[filter]}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11"><text x="6" y="14">${escapeXml(label)}</text><text x="${left + 6}" y="14">${escapeXml(value)}</text></g></svg>`;
}
