"use client";

import { useState } from "react";
import { ApiError } from "@/lib/admin/api-client";
import { useArchiveMission, useChangeMissionStatus, useVerifyMission } from "@/lib/admin/mission";
import { StatusForm, VerifyForm, type EditableMission } from "./status-form";

/** The status forms and archive switch on a mission's own admin page. */
export function MissionStatusPanel({ mission, archived, pendingScheduled }: { mission: EditableMission; archived: boolean; pendingScheduled: number }) {
  const changeStatus = useChangeMissionStatus();
  const verify = useVerifyMission();
  const archive = useArchiveMission();
  const [archiveError, setArchiveError] = useState<string | null>(null);
  async function setArchived(value: boolean) {
    try {
      await archive.mutateAsync({ id: mission.id, archived: value });
    } catch (caught) {
      setArchiveError(caught instanceof ApiError ? caught.message : "Could not change the archive state.");
    }
  }
  return (
    <div className="space-y-4">
      {!archived && (
        <>
          <section aria-labelledby="change-status" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="change-status" className="text-lg font-semibold">Change status</h2>
            {pendingScheduled > 0 && (
              <p className="text-sm text-amber-900">
                {pendingScheduled === 1 ? "1 scheduled change is" : `${pendingScheduled} scheduled changes are`} pending below: a change here does not
                cancel {pendingScheduled === 1 ? "it" : "them"}.
              </p>
            )}
            <StatusForm key={mission.version} mission={mission} onSubmit={(input) => changeStatus.mutateAsync({ id: mission.id, input })} />
          </section>
          {mission.status && (
            <section aria-labelledby="reverify" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="reverify" className="text-lg font-semibold">Re-verify</h2>
              <VerifyForm key={mission.version} mission={mission} onSubmit={(input) => verify.mutateAsync({ id: mission.id, input })} />
            </section>
          )}
        </>
      )}
      <section aria-labelledby="archive" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="archive" className="text-lg font-semibold">Archive</h2>
        <p className="text-sm">{archived ? "This mission is archived: it is hidden from public views; its history is kept." : "Archiving hides the mission from public views and keeps its history."}</p>
        {archiveError && <p role="alert" className="text-sm text-red-900">{archiveError}</p>}
        <button type="button" onClick={() => setArchived(!archived)} className="rounded border border-slate-400 px-3 py-1.5">
          {archived ? "Restore mission" : "Archive mission"}
        </button>
      </section>
    </div>
  );
}
