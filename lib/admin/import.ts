// The import (admin): a dry run shows the plan, an apply writes it and reloads the editor's list.
import type { PlanSummary } from "@/lib/import/plan-summary";
import { apiFetch } from "./api-client";
import { adminMissionsKey } from "./missions-query";
import { useAdminMutation } from "./mutations";

export type ImportMode = "dry-run" | "apply";

export const sendImport = ({ file, mode }: { file: File; mode: ImportMode }) =>
  apiFetch<{ plan: PlanSummary; milliseconds?: number }>(`/api/admin/import?mode=${mode}`, { rawBody: file, headers: { "content-type": file.type || "application/octet-stream" } });

export const useDryRunImport = () => useAdminMutation({ mutationFn: (file: File) => sendImport({ file, mode: "dry-run" }), refreshesPage: false });
export const useApplyImport = () => useAdminMutation({ mutationFn: (file: File) => sendImport({ file, mode: "apply" }), invalidates: [adminMissionsKey], refreshesPage: false });
