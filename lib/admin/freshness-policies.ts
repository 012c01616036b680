// The per-host freshness policies as TanStack Query state: one key, its fetcher and the save
// mutation, which refreshes the policies and the verification queue they decide.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { FreshnessPolicyInput, FreshnessPolicyRow } from "@/lib/status/freshness-policy-schema";
import { apiFetch } from "./api-client";
import { verificationQueueKey } from "./verification-queue";

export const freshnessPoliciesKey = ["admin", "freshness-policies"] as const;

export const freshnessPoliciesQuery = () =>
  queryOptions({
    queryKey: freshnessPoliciesKey,
    queryFn: async () => (await apiFetch<{ policies: FreshnessPolicyRow[] }>("/api/admin/freshness")).policies,
    staleTime: 30_000,
  });

export function useSaveFreshnessPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ hostCode, input }: { hostCode: string; input: FreshnessPolicyInput }) =>
      apiFetch(`/api/admin/freshness/${encodeURIComponent(hostCode)}`, { method: "PUT", body: input }),
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: freshnessPoliciesKey }), queryClient.invalidateQueries({ queryKey: verificationQueueKey })]),
  });
}
