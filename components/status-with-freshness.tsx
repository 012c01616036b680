import { isConfirmed } from "@/lib/status/freshness";
import { capitalised, describeStatus, type StatusFacts } from "@/lib/status/wording";
import { useI18n } from "@/lib/i18n/request";
import { StatusBadge } from "./status-badge";

/** The status badge, until when it holds, and in words whether a source confirmed it lately. */
export function StatusWithFreshness({ facts, now, size = "md" }: { facts: StatusFacts; now: Date; size?: "md" | "lg" }) {
  const i18n = useI18n();
  const wording = describeStatus(facts, now, i18n);
  const until = wording.headline !== wording.label ? wording.headline.slice(wording.label.length).trim() : null;
  const badge = <StatusBadge status={facts.status} label={wording.label} size={size} unconfirmed={facts.status !== null && !isConfirmed(facts.freshness)} />;
  return (
    <span className={size === "lg" ? "status status-lg" : "status"} data-freshness={facts.freshness ?? "none"}>
      {until ? (
        <span className="status-line">
          {badge}
          <span>{until}</span>
        </span>
      ) : (
        badge
      )}
      {wording.freshness && <span className="status-note">{capitalised(wording.freshness)}</span>}
    </span>
  );
}
