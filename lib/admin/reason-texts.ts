// A status reason's texts in other languages (decision 034): the editor names the language the
// reason was written in, or adds a translation. The mission's admin page is rendered on the
// server, so a write reloads it.
import { apiFetch } from "./api-client";
import { useAdminMutation } from "./mutations";

export type ReasonTextInput = { language: string; original: true } | { language: string; original: false; text: string };

export const addReasonText = ({ missionId, input }: { missionId: number; input: ReasonTextInput }) =>
  apiFetch(`/api/admin/missions/${missionId}/reason-texts`, { body: input });

export const useAddReasonText = () => useAdminMutation({ mutationFn: addReasonText });
