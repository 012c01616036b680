/** An external source link; only http(s) URLs become links, anything else is shown as text. */
/** `labels`: the words in the reader's language (server callers pass them); English otherwise. */
export function SourceLink({ url, title, labels = { noSource: "No source", newTab: " (opens in a new tab)" } }: { url: string | null; title: string | null; labels?: { noSource: string; newTab: string } }) {
  if (!url) return title ? <span>{title}</span> : <span className="text-slate-500">{labels.noSource}</span>;
  let safe: URL | undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") safe = parsed;
  } catch {
    safe = undefined;
  }
  const label = title || (safe ? safe.hostname : url);
  if (!safe) return <span>{label}</span>;
  return (
    <a href={safe.href} rel="noopener noreferrer nofollow" target="_blank" className="underline decoration-slate-400 underline-offset-2 hover:decoration-slate-900">
      {label}
      <span className="sr-only">{labels.newTab}</span>
    </a>
  );
}
