"use client";
// "Embed this table": the snippet for the current filters, a live preview and a copy button.
import { useId, useState, useSyncExternalStore } from "react";
import { EMBED_COLUMNS, EMBED_COLUMN_LABELS, EMBED_THEMES, DEFAULT_EMBED_COLUMNS, embedQuery, type EmbedColumn } from "@/lib/embed/params";
import { escapeHtml } from "@/lib/http/escape";

const noSubscription = () => () => undefined;

/** A moment to the second, as `at=` takes it. */
const toSecond = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

export function EmbedBuilder({ host, city, sending, status, type, confirmed, placeName, at }: { host: string; city?: string; sending: string[]; status: string[]; type: string[]; confirmed: boolean; placeName: string; at?: string }) {
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  const [theme, setTheme] = useState<(typeof EMBED_THEMES)[number]>("auto");
  const [compact, setCompact] = useState(false);
  const [columns, setColumns] = useState<EmbedColumn[]>(DEFAULT_EMBED_COLUMNS);
  const [copied, setCopied] = useState("");
  // A frozen embed shows the moment the page shows, or the moment "freeze" was chosen.
  const [frozenAt, setFrozenAt] = useState<string | null>(null);
  const ids = useId();

  const query = embedQuery({ host, city, sending, status, type, confirmed, columns, compact, theme, at: frozenAt ?? undefined });
  const fullPage = `${origin}/countries/${host}${city ? `?city=${encodeURIComponent(city)}` : ""}`;
  const snippet =
    `<div data-chancery-embed="${escapeHtml(query)}"><a href="${escapeHtml(fullPage)}">Embassy status in ${escapeHtml(placeName)} (Chancery)</a></div>\n` +
    `<script src="${escapeHtml(origin)}/embed.js" async></script>`;

  const toggleColumn = (column: EmbedColumn, on: boolean) =>
    setColumns((current) => EMBED_COLUMNS.filter((c) => (c === column ? on : current.includes(c))));

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied("Copied to the clipboard.");
    } catch {
      setCopied("Copying failed: select the code and copy it yourself.");
    }
  };

  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold">Embed this table</summary>
      <div className="mt-3 grid gap-4 lg:grid-cols-2">
        <div className="space-y-3">
          <p className="text-sm text-slate-600">Paste this into any web page. It shows the current filters and stays up to date within seconds of an edit, unless frozen as at publication: then it keeps the statuses as they stood at that moment, as the public saw them.</p>
          <fieldset className="text-sm">
            <legend className="font-medium">Columns</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {EMBED_COLUMNS.map((column) => (
                <label key={column} className="inline-flex items-center gap-1">
                  <input type="checkbox" checked={columns.includes(column)} disabled={columns.length === 1 && columns.includes(column)} onChange={(event) => toggleColumn(column, event.target.checked)} />
                  {EMBED_COLUMN_LABELS[column]}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="inline-flex items-center gap-2">
              Theme
              <select value={theme} onChange={(event) => setTheme(event.target.value as typeof theme)} className="rounded border border-slate-300 px-2 py-1">
                <option value="auto">Follow the reader&apos;s setting</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            </label>
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" checked={frozenAt !== null} onChange={(event) => setFrozenAt(event.target.checked ? (at ? toSecond(new Date(at)) : toSecond(new Date())) : null)} />
              As at publication (frozen, with a link to today&apos;s statuses)
            </label>
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" checked={compact} onChange={(event) => setCompact(event.target.checked)} />
              Compact rows
            </label>
          </div>
          <label htmlFor={`${ids}-code`} className="block text-sm font-medium">Embed code</label>
          <textarea id={`${ids}-code`} readOnly value={snippet} rows={5} className="block w-full rounded border border-slate-300 bg-slate-50 p-2 font-mono text-xs" onFocus={(event) => event.target.select()} />
          <div className="flex items-center gap-3">
            <button type="button" onClick={copy} className="rounded bg-slate-900 px-3 py-1 text-white">Copy embed code</button>
            <p role="status" className="text-sm text-slate-600">{copied}</p>
          </div>
        </div>
        <div>
          <p className="mb-1 text-sm font-medium">Preview</p>
          <iframe title="Preview of the embedded table" src={`/embed?${query}`} className="h-96 w-full rounded border border-slate-200" />
        </div>
      </div>
    </details>
  );
}
