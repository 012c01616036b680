// The editor's mission list as TanStack Query state (one key, one fetcher).
import { queryOptions } from "@tanstack/react-query";
import type { MissionRow } from "@/lib/missions/filter-missions";
import { apiFetch } from "./api-client";

export interface AdminRow extends MissionRow {
  archived: boolean;
}

type Wire<T> = { [K in keyof T]: T[K] extends Date | null ? string | null : T[K] };
export type AdminRowWire = Wire<AdminRow>;

export function rowFromWire(row: AdminRowWire): AdminRow {
  return {
    ...row,
    statusSince: row.statusSince ? new Date(row.statusSince) : null,
    verifiedAt: row.verifiedAt ? new Date(row.verifiedAt) : null,
    statusUntil: row.statusUntil ? new Date(row.statusUntil) : null,
  };
}

export const adminMissionsKey = ["admin", "missions"] as const;

export const adminMissionsQuery = () =>
  queryOptions({
    queryKey: adminMissionsKey,
    queryFn: async () => (await apiFetch<{ missions: AdminRowWire[] }>("/api/admin/missions")).missions.map(rowFromWire),
    staleTime: 30_000,
  });
