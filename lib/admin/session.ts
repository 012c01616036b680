// Logging in and out of the admin: each ends on the page the new session sees, with nothing
// of the previous session's client state kept.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "./api-client";

export const logIn = (input: { email: unknown; password: unknown }) => apiFetch("/api/auth/login", { body: input });
export const logOut = ({ everywhere }: { everywhere: boolean }) => apiFetch("/api/auth/logout", { body: { everywhere } });

export function useLogIn() {
  const router = useRouter();
  return useMutation({
    mutationFn: logIn,
    onSuccess: () => {
      router.replace("/admin");
      router.refresh();
    },
  });
}

/** Leaves even when the server cannot be reached: the cookie may already be gone. */
export function useLogOut() {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: { everywhere: boolean }) => logOut(variables).catch(() => undefined),
    onSettled: () => {
      queryClient.clear();
      router.replace("/admin/login");
      router.refresh();
    },
  });
}
