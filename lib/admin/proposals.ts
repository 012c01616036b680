// Proposals from watched sources as TanStack Query state: one key, its fetcher, and the
// decisions (each reloads the proposals, the verification queue and the missions list).
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { PendingProposal } from "@/lib/sources/types";
import { apiFetch } from "./api-client";
import { adminMissionsKey } from "./missions-query";
import { verificationQueueKey } from "./verification-queue";

export const proposalsKey = ["admin", "proposals"] as const;

export const proposalsQuery = () =>
  queryOptions({
    queryKey: proposalsKey,
    queryFn: async () => (await apiFetch<{ proposals: PendingProposal[] }>("/api/admin/proposals")).proposals,
    staleTime: 10_000,
    refetchInterval: 30_000,
  });

export interface AcceptVariables {
  id: number;
  input: { expectedVersion: number; status?: string; until?: string | null; reason?: string };
}

function useDecision<Variables extends { id: number }>(request: (variables: Variables) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (_result, { id }) => queryClient.setQueryData<PendingProposal[]>(proposalsKey, (proposals) => proposals?.filter((proposal) => proposal.id !== id)),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: proposalsKey }),
        queryClient.invalidateQueries({ queryKey: verificationQueueKey }),
        queryClient.invalidateQueries({ queryKey: adminMissionsKey }),
      ]),
  });
}

export const useAcceptProposal = () => useDecision(({ id, input }: AcceptVariables) => apiFetch(`/api/admin/proposals/${id}/accept`, { body: input }));

export const useDismissProposal = () => useDecision(({ id, reason }: { id: number; reason: string }) => apiFetch(`/api/admin/proposals/${id}/dismiss`, { body: { reason } }));
