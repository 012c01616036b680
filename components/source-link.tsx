import { safeHttpUrl } from "@/lib/http/escape";

/** What a source shows: nothing, plain text, or a link (only http(s) URLs become links). */
export type SourceShown = { kind: "none" } | { kind: "text"; label: string } | { kind: "link"; href: string; label: string };

export function sourceShown(url: string | null, title: string | null): SourceShown {
  if (!url) return title ? { kind: "text", label: title } : { kind: "none" };
  const href = safeHttpUrl(url);
  const label = title || (href ? new URL(href).hostname : url);
  return href ? { kind: "link", href, label } : { kind: "text", label };
}

export const SOURCE_LINK_CLASS = "underline decoration-slate-400 underline-offset-2 hover:decoration-slate-900";

/** An external source link; anything but an http(s) URL is shown as text. */
/** `labels`: the words in the reader's language (server callers pass them); English otherwise. */
export function SourceLink({ url, title, labels = { noSource: "No source", newTab: " (opens in a new tab)" } }: { url: string | null; title: string | null; labels?: { noSource: string; newTab: string } }) {
  const shown = sourceShown(url, title);
  if (shown.kind === "none") return <span className="text-slate-500">{labels.noSource}</span>;
  if (shown.kind === "text") return <span>{shown.label}</span>;
  return (
    <a href={shown.href} rel="noopener noreferrer nofollow" target="_blank" className={SOURCE_LINK_CLASS}>
      {shown.label}
      <span className="sr-only">{labels.newTab}</span>
    </a>
  );
}
