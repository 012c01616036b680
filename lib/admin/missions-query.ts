// The editor's mission list as TanStack Query state, one module for the resource
// (bulletproof-react style): the fetcher, its queryOptions, the query hook and the mutation
// hooks, which own their invalidation. The list is paged on the server
// (GET /api/admin/missions?…&cursor=&limit=); each page is its own query.
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { filtersToSearchParams, type MissionFilters } from "@/lib/missions/filters";
import type { MissionRow } from "@/lib/missions/row-select";
import type { StatusUpdateInput, VerifyInput } from "@/lib/missions/schema";
import type { StatusCounts } from "@/lib/status/schema";
import { apiFetch } from "./api-client";

export type AdminRow = MissionRow;

/** Missions per page of the editor's list, on the server's first page and the client's next ones.
 * 50, not the public tables' 100: each row is sent twice (HTML and the page's payload), and 100
 * made `/admin` 250 KB with the world imported (decision 036). */
export const ADMIN_PAGE_SIZE = 50;

type Wire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export type AdminRowWire = Wire<AdminRow>;

export interface AdminMissionPage {
  missions: AdminRow[];
  totals: StatusCounts;
  matching: number;
  nextCursor: string | null;
}
export type AdminMissionPageWire = Omit<AdminMissionPage, "missions"> & { missions: AdminRowWire[] };

const date = (value: string | null) => (value ? new Date(value) : null);

export function rowFromWire(row: AdminRowWire): AdminRow {
  return { ...row, statusSince: date(row.statusSince), verifiedAt: date(row.verifiedAt), statusUntil: date(row.statusUntil), updatedAt: new Date(row.updatedAt) };
}

export function pageFromWire(page: AdminMissionPageWire): AdminMissionPage {
  return { ...page, missions: page.missions.map(rowFromWire) };
}

/** Every page of the list shares this prefix: invalidating it refreshes whatever page is shown. */
export const adminMissionsKey = ["admin", "missions"] as const;

export interface AdminMissionPageRequest {
  filters: MissionFilters;
  cursor: string | null;
  limit?: number;
}

export function adminMissionsUrl({ filters, cursor, limit }: AdminMissionPageRequest): string {
  const params = filtersToSearchParams(filters);
  if (cursor) params.set("cursor", cursor);
  if (limit) params.set("limit", String(limit));
  const query = params.toString();
  return `/api/admin/missions${query ? `?${query}` : ""}`;
}

export const getAdminMissionPage = async (request: AdminMissionPageRequest): Promise<AdminMissionPage> =>
  pageFromWire(await apiFetch<AdminMissionPageWire>(adminMissionsUrl(request)));

export const adminMissionsQueryOptions = (request: AdminMissionPageRequest) =>
  queryOptions({
    queryKey: [...adminMissionsKey, adminMissionsUrl(request)] as const,
    queryFn: () => getAdminMissionPage(request),
    staleTime: 30_000,
  });

export function useAdminMissionPage(request: AdminMissionPageRequest, initialData?: AdminMissionPage) {
  return useQuery({ ...adminMissionsQueryOptions(request), initialData, placeholderData: (previous) => previous });
}

/** Replaces one row on every cached page that holds it. */
function useReplaceRow() {
  const queryClient = useQueryClient();
  return (id: number, update: (row: AdminRow) => AdminRow) =>
    queryClient.setQueriesData<AdminMissionPage>({ queryKey: adminMissionsKey }, (page) => page && { ...page, missions: page.missions.map((row) => (row.id === id ? update(row) : row)) });
}

/** Optimistic: the row shows the new status at once and rolls back if the server refuses. */
export function useChangeMissionStatus() {
  const queryClient = useQueryClient();
  const replaceRow = useReplaceRow();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: StatusUpdateInput }) => apiFetch<{ mission: Partial<AdminRowWire> }>(`/api/admin/missions/${id}/status`, { body: input }),
    onMutate: async ({ id, input }) => {
      await queryClient.cancelQueries({ queryKey: adminMissionsKey });
      const previous = queryClient.getQueriesData<AdminMissionPage>({ queryKey: adminMissionsKey });
      replaceRow(id, (row) => ({ ...row, status: input.status, statusReason: input.reason, verifiedAt: new Date(), statusUntil: input.until, expectedAfter: null, freshness: "fresh" }));
      return { previous };
    },
    onError: (_error, _variables, context) => {
      for (const [key, page] of context?.previous ?? []) queryClient.setQueryData(key, page);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminMissionsKey }),
  });
}

export function useVerifyMission() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: VerifyInput }) => apiFetch<{ mission: Partial<AdminRowWire> }>(`/api/admin/missions/${id}/verify`, { body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminMissionsKey }),
  });
}
