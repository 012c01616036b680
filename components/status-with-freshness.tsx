import { isConfirmed } from "@/lib/status/freshness";
import { capitalised, describeStatus, type StatusFacts } from "@/lib/status/wording";
import { useI18n } from "@/lib/i18n/request";
import type { I18n } from "@/lib/i18n/translator";
import { StatusBadge } from "./status-badge";

/** The parts of a status as shown: its name, until when, whether confirmed, the note in words.
 * Shared with the table rows' HTML (components/mission-rows-html.ts). */
export function statusShown(facts: StatusFacts, now: Date, i18n: I18n) {
  const wording = describeStatus(facts, now, i18n);
  return {
    label: wording.label,
    until: wording.headline !== wording.label ? wording.headline.slice(wording.label.length).trim() : null,
    unconfirmed: facts.status !== null && !isConfirmed(facts.freshness),
    note: wording.freshness ? capitalised(wording.freshness) : null,
    freshness: facts.freshness ?? "none",
  };
}

/** The status badge, until when it holds, and in words whether a source confirmed it lately. */
export function StatusWithFreshness({ facts, now, size = "md" }: { facts: StatusFacts; now: Date; size?: "md" | "lg" }) {
  const shown = statusShown(facts, now, useI18n());
  const badge = <StatusBadge status={facts.status} label={shown.label} size={size} unconfirmed={shown.unconfirmed} />;
  return (
    <span className={size === "lg" ? "status status-lg" : "status"} data-freshness={shown.freshness}>
      {shown.until ? (
        <span className="status-line">
          {badge}
          <span>{shown.until}</span>
        </span>
      ) : (
        badge
      )}
      {shown.note && <span className="status-note">{shown.note}</span>}
    </span>
  );
}
