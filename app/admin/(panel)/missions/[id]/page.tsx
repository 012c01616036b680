import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DateTime } from "@/components/date-time";
import { SourceLink } from "@/components/source-link";
import { StatusBadge } from "@/components/status-badge";
import { StatusWithFreshness } from "@/components/status-with-freshness";
import { requireUser } from "@/lib/auth/current-user";
import { canEditHost } from "@/lib/auth/sessions";
import { ALL_COUNTRIES } from "@/lib/countries/catalog";
import { DatabaseIdSchema } from "@/lib/input/id";
import { getAdminMission } from "@/lib/missions/admin-queries";
import { missionTypeLabel } from "@/lib/missions/types";
import { getDb } from "@/lib/db/client";
import { freshnessOf } from "@/lib/status/freshness";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { MissionForm } from "../../_components/mission-form";
import { MissionStatusPanel } from "../../_components/mission-status-panel";
import { ReasonTranslationForm } from "../../_components/reason-translation-form";
import { ScheduledChangesPanel } from "../../_components/scheduled-changes-panel";
import { describeChange } from "@/lib/status/wording";

export const metadata: Metadata = { title: "Edit mission" };

function editableFields(mission: NonNullable<Awaited<ReturnType<typeof getAdminMission>>>) {
  const { id, sendingCode, hostCode, city, type, name, address, latitude, longitude, phone, email, website, wikidataId, timeZone } = mission;
  return { id, sendingCode, hostCode, city, type, name, address, latitude, longitude, phone, email, website, wikidataId, timeZone };
}

export default async function EditMissionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = DatabaseIdSchema.safeParse(Number((await params).id)).data;
  const mission = id ? await getAdminMission(id) : null;
  if (!mission || !canEditHost(user, mission.hostCode)) notFound();
  const now = new Date();
  const { policyFor } = await loadFreshnessContext(getDb(), now);
  const freshness = freshnessOf(mission, policyFor(mission.hostCode), now);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">
          {mission.sending.name}: {missionTypeLabel(mission.type)}, {mission.city}
        </h1>
        <p className="flex flex-wrap items-center gap-2">
          <StatusWithFreshness facts={{ ...mission, freshness }} now={now} /> version {mission.version}
          {mission.archivedAt ? " · archived" : <Link href={`/missions/${mission.slug}`} className="underline">Public page</Link>}
        </p>
      </header>
      <MissionStatusPanel
        mission={{ id: mission.id, version: mission.version, status: mission.status, timeZone: mission.timeZone }}
        archived={mission.archivedAt !== null}
        pendingScheduled={mission.scheduledChanges.length}
      />
      {!mission.archivedAt && mission.statusReason && <ReasonTranslationForm missionId={mission.id} reason={mission.statusReason} />}
      {!mission.archivedAt && <ScheduledChangesPanel missionId={mission.id} timeZone={mission.timeZone} pending={mission.scheduledChanges} />}
      <section aria-labelledby="details" className="space-y-2">
        <h2 id="details" className="text-lg font-semibold">Details</h2>
        <MissionForm mission={editableFields(mission)} countries={ALL_COUNTRIES.map(({ code, name }) => ({ code, name }))} />
      </section>
      <section aria-labelledby="history" className="space-y-2">
        <h2 id="history" className="text-lg font-semibold">Recent history</h2>
        <ol className="space-y-2">
          {mission.history.map((change) => (
            <li key={change.id} className="rounded border border-slate-200 bg-white p-2 text-sm">
              <StatusBadge status={change.newStatus} /> {describeChange(change)}, by {change.authorName},{" "}
              <DateTime value={change.effectiveAt} timeZone={mission.timeZone} /> — {change.reason ?? "no reason"} · <SourceLink url={change.sourceUrl} title={change.sourceTitle} />
              {change.event && (
                <> · event <Link href={`/events/${change.event.slug}`} className="underline">{change.event.name}</Link></>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
