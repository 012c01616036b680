// Accounts (admin only): create one, change one. The list is rendered on the server, so each
// write refreshes the page.
import type { UserCreateInput, UserUpdateInput } from "@/lib/auth/schema";
import { apiFetch } from "./api-client";
import { useAdminMutation } from "./mutations";

export const createUser = (input: UserCreateInput) => apiFetch("/api/admin/users", { body: input });
export const updateUser = ({ id, input }: { id: number; input: UserUpdateInput }) => apiFetch(`/api/admin/users/${id}`, { method: "PATCH", body: input });

export const useCreateUser = () => useAdminMutation({ mutationFn: createUser });
export const useUpdateUser = () => useAdminMutation({ mutationFn: updateUser });
