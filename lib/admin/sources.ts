// Watched sources (admin): add, try (nothing stored), change, fetch now, delete. The list is
// rendered on the server, so each write refreshes the page; a source's proposals go with it.
import type { SourceCreateInput, SourceTrialInput, SourceUpdateInput } from "@/lib/sources/schema";
import { apiFetch } from "./api-client";
import { useAdminMutation } from "./mutations";
import { proposalsKey } from "./proposals";

/** What a trial fetch read and would propose (lib/sources trial, nothing stored). */
export interface SourceTrial {
  outcome: string;
  error: string | null;
  notices: Array<{ title: string; link: string; publishedAt: string | null; class: string; trigger: string | null; confidence: number; untilPhrase: string | null }>;
  proposals: Array<{ missionName: string; suggestedStatus: string; kind: string; triggerPhrase: string; untilPhrase: string | null }>;
}

export const trySource = (input: SourceTrialInput) => apiFetch<SourceTrial>("/api/admin/sources/test", { body: input });
export const createSource = (input: SourceCreateInput) => apiFetch("/api/admin/sources", { body: input });
export const testSavedSource = (id: number) => apiFetch<SourceTrial>(`/api/admin/sources/${id}/test`, { body: {} });
export const updateSource = ({ id, input }: { id: number; input: SourceUpdateInput }) => apiFetch(`/api/admin/sources/${id}`, { method: "PATCH", body: input });
export const deleteSource = (id: number) => apiFetch(`/api/admin/sources/${id}`, { method: "DELETE" });

export const useTrySource = () => useAdminMutation({ mutationFn: trySource, refreshesPage: false });
export const useCreateSource = () => useAdminMutation({ mutationFn: createSource, invalidates: [proposalsKey] });
/** A saved source's trial records its fetch (last fetch, errors): the page shows it. */
export const useTestSavedSource = () => useAdminMutation({ mutationFn: testSavedSource });
export const useUpdateSource = () => useAdminMutation({ mutationFn: updateSource, invalidates: [proposalsKey] });
export const useDeleteSource = () => useAdminMutation({ mutationFn: deleteSource, invalidates: [proposalsKey] });
