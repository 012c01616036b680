import Link from "next/link";
import { CountryName } from "@/components/country-name";
import { DateTime } from "@/components/date-time";
import { StatusBadge } from "@/components/status-badge";
import { missionTypeLabel, type MissionType } from "@/lib/missions/types";
import type { Status } from "@/lib/status/schema";

export interface ChangeListItem {
  id: number;
  kind: string;
  previousStatus: Status | null;
  newStatus: Status | null;
  reason: string | null;
  effectiveAt: Date;
  mission: { slug: string; city: string; type: MissionType; timeZone: string; sendingCode: string; sending: { name: string } };
  /** The mission's status today, in words (a report in the list may be years old). */
  statusNow: string;
}

export function ChangeList({ changes }: { changes: ChangeListItem[] }) {
  if (!changes.length) return <p className="text-slate-600">No status reports yet.</p>;
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {changes.map((change) => (
        <li key={change.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
          <Link href={`/missions/${change.mission.slug}`} className="font-medium underline decoration-slate-300 underline-offset-2">
            <CountryName code={change.mission.sendingCode} name={change.mission.sending.name} />
            <span className="font-normal"> — {missionTypeLabel(change.mission.type)}, {change.mission.city}</span>
          </Link>
          <span className="inline-flex items-center gap-1.5">
            {change.kind === "verify" ? (
              <>
                <StatusBadge status={change.newStatus} /> <span className="text-sm">confirmed</span>
              </>
            ) : (
              <>
                {change.previousStatus && <StatusBadge status={change.previousStatus} />}
                {change.previousStatus && <span aria-label="changed to">→</span>}
                <StatusBadge status={change.newStatus} />
              </>
            )}
          </span>
          <span className="text-sm text-slate-600">
            <DateTime value={change.effectiveAt} timeZone={change.mission.timeZone} />
          </span>
          <span className="basis-full text-sm text-slate-700">Now: {change.statusNow}</span>
        </li>
      ))}
    </ol>
  );
}
