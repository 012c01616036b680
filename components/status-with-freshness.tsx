import { isConfirmed } from "@/lib/status/freshness";
import { capitalised, describeStatus, type StatusFacts } from "@/lib/status/wording";
import { useI18n } from "@/lib/i18n/request";
import { StatusBadge } from "./status-badge";

/** The status badge, until when it holds, and in words whether a source confirmed it lately. */
export function StatusWithFreshness({ facts, now, size = "md" }: { facts: StatusFacts; now: Date; size?: "md" | "lg" }) {
  const i18n = useI18n();
  const wording = describeStatus(facts, now, i18n);
  const until = wording.headline !== wording.label ? wording.headline.slice(wording.label.length).trim() : null;
  return (
    <span className="inline-flex flex-col items-start gap-1" data-freshness={facts.freshness ?? "none"}>
      <span className="inline-flex flex-wrap items-center gap-x-1.5">
        <StatusBadge status={facts.status} label={wording.label} size={size} unconfirmed={facts.status !== null && !isConfirmed(facts.freshness)} />
        {until && <span className={size === "lg" ? "text-base" : "text-sm"}>{until}</span>}
      </span>
      {wording.freshness && <span className={`text-slate-700 ${size === "lg" ? "text-base" : "text-xs"}`}>{capitalised(wording.freshness)}</span>}
    </span>
  );
}
