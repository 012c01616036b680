// A mission's scheduled changes (admin): schedule, edit, cancel. They are listed on the
// mission's server-rendered page, so each write refreshes it.
import type { ScheduledChangeInput } from "@/lib/missions/schema";
import { apiFetch } from "./api-client";
import { useAdminMutation } from "./mutations";

const base = (missionId: number) => `/api/admin/missions/${missionId}/scheduled`;

export const scheduleChange = ({ missionId, input }: { missionId: number; input: ScheduledChangeInput }) => apiFetch(base(missionId), { body: input });
export const updateScheduledChange = ({ missionId, id, expectedVersion, input }: { missionId: number; id: number; expectedVersion: number; input: ScheduledChangeInput }) =>
  apiFetch(`${base(missionId)}/${id}`, { method: "PATCH", body: { ...input, expectedVersion } });
export const cancelScheduledChange = ({ missionId, id, expectedVersion }: { missionId: number; id: number; expectedVersion: number }) =>
  apiFetch(`${base(missionId)}/${id}/cancel`, { body: { expectedVersion } });

export const useScheduleChange = () => useAdminMutation({ mutationFn: scheduleChange });
export const useUpdateScheduledChange = () => useAdminMutation({ mutationFn: updateScheduledChange });
export const useCancelScheduledChange = () => useAdminMutation({ mutationFn: cancelScheduledChange });
