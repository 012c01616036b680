// Escaping for every text format the public endpoints write. Data is untrusted: editors type
// reasons and source URLs, and embed parameters come from anyone's page.

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Safe in HTML/XML text and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

// Everything outside XML 1.0's Char production: C0 controls but tab/LF/CR, lone surrogates,
// U+FFFE/U+FFFF. One of them anywhere makes the whole document unreadable to XML parsers, so
// they are dropped (input validation refuses them; this covers data stored before it did).
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Safe in XML text and quoted attribute values, with characters XML cannot carry removed. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(XML_FORBIDDEN, ""));
}

/** The URL if it is an absolute http(s) URL, otherwise null (never javascript:, data:, …). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** One RFC 4180 cell; a leading =, +, -, @, tab or CR is neutralised so spreadsheets never
 * evaluate it as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: Array<string | number | null | undefined>): string {
  return values.map(csvCell).join(",") + "\r\n";
}
