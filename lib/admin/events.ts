// Events (admin): one status for many missions at once, applied all or none. The editor's
// list reloads after it, also after a refusal (a conflict means the list was out of date).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { BulkEventInput } from "@/lib/missions/schema";
import { apiFetch } from "./api-client";
import { adminMissionsKey } from "./missions-query";

export const applyBulkEvent = (input: BulkEventInput) => apiFetch<{ event: { slug: string; name: string }; count: number }>("/api/admin/events", { body: input });

export function useApplyBulkEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyBulkEvent,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: adminMissionsKey });
    },
  });
}
