// One mission's writes on its admin page: details, status, re-verification, archive. The page
// is rendered on the server and the editor's list is a client query: each write reloads both.
// (The list itself, with its row writes, is missions-query.ts and the list component.)
import type { MissionFields, MissionUpdateInput, StatusUpdateInput, VerifyInput } from "@/lib/missions/schema";
import { apiFetch } from "./api-client";
import { adminMissionsKey } from "./missions-query";
import { useAdminMutation } from "./mutations";

export const createMission = (input: MissionFields) => apiFetch<{ mission: { id: number } }>("/api/admin/missions", { body: input });
export const updateMission = ({ id, input }: { id: number; input: MissionUpdateInput }) => apiFetch(`/api/admin/missions/${id}`, { method: "PATCH", body: input });
export const changeMissionStatus = ({ id, input }: { id: number; input: StatusUpdateInput }) => apiFetch(`/api/admin/missions/${id}/status`, { body: input });
export const verifyMission = ({ id, input }: { id: number; input: VerifyInput }) => apiFetch(`/api/admin/missions/${id}/verify`, { body: input });
export const archiveMission = ({ id, archived }: { id: number; archived: boolean }) => apiFetch(`/api/admin/missions/${id}/archive`, { body: { archived } });

const reloads = { invalidates: [adminMissionsKey] };
/** The new mission's page is opened next: nothing on this page to refresh. */
export const useCreateMission = () => useAdminMutation({ mutationFn: createMission, ...reloads, refreshesPage: false });
export const useUpdateMission = () => useAdminMutation({ mutationFn: updateMission, ...reloads });
export const useChangeMissionStatus = () => useAdminMutation({ mutationFn: changeMissionStatus, ...reloads });
export const useVerifyMission = () => useAdminMutation({ mutationFn: verifyMission, ...reloads });
export const useArchiveMission = () => useAdminMutation({ mutationFn: archiveMission, ...reloads });
