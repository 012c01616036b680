// The one shape of an admin write: a TanStack mutation that owns its invalidation. What it
// changed is reloaded when it succeeds: the client queries it names (`invalidates`) and, for
// pages rendered on the server, the page's data (`router.refresh()`).
import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

export interface AdminMutationOptions<Variables, Result> {
  mutationFn: (variables: Variables) => Promise<Result>;
  /** Client queries the write makes stale. */
  invalidates?: readonly QueryKey[];
  /** Whether the server-rendered page shows what the write changed (default true). */
  refreshesPage?: boolean;
}

export function useAdminMutation<Variables = void, Result = unknown>({ mutationFn, invalidates = [], refreshesPage = true }: AdminMutationOptions<Variables, Result>) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn,
    // Not awaited: the form is done when the write is; the reloads follow.
    onSuccess: () => {
      if (refreshesPage) router.refresh();
      for (const queryKey of invalidates) void queryClient.invalidateQueries({ queryKey });
    },
  });
}
