// Webhook endpoints (admin) as TanStack Query state: the list (seeded by the server render),
// each endpoint's delivery log, and the writes, each owning what it updates in the list.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api-client";

/** An endpoint as the admin API sends it (dates as ISO strings). */
export interface WebhookEndpoint {
  id: number;
  url: string;
  description: string;
  scopeKind: string;
  scopeValue: string;
  active: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  createdAt: string;
  previousSecretUntil: string | null;
}

export interface WebhookDelivery {
  id: number;
  eventType: string;
  state: string;
  attempts: number;
  lastStatusCode: number | null;
  createdAt: string;
  attemptLog: Array<{ at: string; durationMs: number; statusCode: number | null; error: string | null }>;
}

export type WebhookScope = { kind: "all" } | { kind: "host"; hostCode: string } | { kind: "sending"; sendingCode: string } | { kind: "mission"; missionId: number };
export interface WebhookCreateInput {
  url: unknown;
  description: unknown;
  scope: WebhookScope;
}

export const webhooksKey = ["admin", "webhooks"] as const;

export const webhooksQuery = () =>
  queryOptions({
    queryKey: webhooksKey,
    queryFn: async () => (await apiFetch<{ endpoints: WebhookEndpoint[] }>("/api/admin/webhooks")).endpoints,
    staleTime: 30_000,
  });

/** Fetched when asked for (staleTime 0): a delivery log is read fresh each time it is opened. */
export const webhookDeliveriesQuery = (id: number) =>
  queryOptions({
    queryKey: [...webhooksKey, id, "deliveries"] as const,
    queryFn: async () => (await apiFetch<{ deliveries: WebhookDelivery[] }>(`/api/admin/webhooks/${id}/deliveries`)).deliveries,
    staleTime: 0,
  });

export const createWebhook = (input: WebhookCreateInput) => apiFetch<{ endpoint: WebhookEndpoint; secret: string }>("/api/admin/webhooks", { body: input });
export const rotateWebhookSecret = (id: number) => apiFetch<{ secret: string; previousSecretUntil: string }>(`/api/admin/webhooks/${id}/rotate`, { method: "POST" });
export const sendWebhookTest = (id: number) => apiFetch(`/api/admin/webhooks/${id}/test`, { method: "POST" });
export const setWebhookActive = ({ id, active }: { id: number; active: boolean }) => apiFetch<{ endpoint: WebhookEndpoint }>(`/api/admin/webhooks/${id}`, { method: "PATCH", body: { active } });

function useEndpointWrite<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>, update?: (list: WebhookEndpoint[], result: Result, variables: Variables) => WebhookEndpoint[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result, variables) => {
      if (update) queryClient.setQueryData<WebhookEndpoint[]>(webhooksKey, (list) => update(list ?? [], result, variables));
      void queryClient.invalidateQueries({ queryKey: webhooksKey });
    },
  });
}

export const useCreateWebhook = () => useEndpointWrite(createWebhook, (list, { endpoint }) => [...list, endpoint]);
export const useRotateWebhookSecret = () => useEndpointWrite(rotateWebhookSecret);
export const useSendWebhookTest = () => useEndpointWrite(sendWebhookTest);
export const useSetWebhookActive = () => useEndpointWrite(setWebhookActive, (list, { endpoint }) => list.map((item) => (item.id === endpoint.id ? { ...item, ...endpoint } : item)));
