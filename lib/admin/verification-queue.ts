// The verification queue as TanStack Query state: one key, its fetcher, and the mutations that
// change what is in it (each owns its invalidation).
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { BulkVerifyInput, StatusUpdateInput, VerifyInput } from "@/lib/missions/schema";
import type { VerificationQueue } from "@/lib/verification/types";
import { apiFetch } from "./api-client";
import { adminMissionsKey } from "./missions-query";

export const verificationQueueKey = ["admin", "verification-queue"] as const;

export const verificationQueueQuery = () =>
  queryOptions({
    queryKey: verificationQueueKey,
    queryFn: () => apiFetch<VerificationQueue>("/api/admin/verify"),
    // Freshness moves with the clock: refetch now and then even without a write.
    staleTime: 15_000,
    refetchInterval: 60_000,
  });

/** After a write: the item leaves at once (it was checked), then both lists reload. */
function useQueueWrite<Variables, Result>(request: (variables: Variables) => Promise<Result>, checkedIds: (variables: Variables) => number[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (_result, variables) => {
      const ids = new Set(checkedIds(variables));
      queryClient.setQueryData<VerificationQueue>(verificationQueueKey, (queue) =>
        queue && {
          ...queue,
          items: queue.items.filter((item) => !ids.has(item.id)),
          progress: { ...queue.progress, checkedToday: queue.progress.checkedToday + ids.size },
        },
      );
    },
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: verificationQueueKey }), queryClient.invalidateQueries({ queryKey: adminMissionsKey })]),
  });
}

export function useReverifyMission() {
  return useQueueWrite(
    ({ id, input }: { id: number; input: VerifyInput }) => apiFetch(`/api/admin/missions/${id}/verify`, { body: input }),
    ({ id }) => [id],
  );
}

export function useChangeQueuedStatus() {
  return useQueueWrite(
    ({ id, input }: { id: number; input: StatusUpdateInput }) => apiFetch(`/api/admin/missions/${id}/status`, { body: input }),
    ({ id }) => [id],
  );
}

export function useBulkReverify() {
  return useQueueWrite(
    (input: BulkVerifyInput) => apiFetch<{ event: { slug: string; name: string }; count: number }>("/api/admin/verify", { body: input }),
    (input) => input.missions.map((mission) => mission.id),
  );
}
