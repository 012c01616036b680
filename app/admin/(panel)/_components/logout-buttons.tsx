"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/admin/api-client";

export function LogoutButtons() {
  const router = useRouter();
  const queryClient = useQueryClient();
  async function logout(everywhere: boolean) {
    await apiFetch("/api/auth/logout", { body: { everywhere } }).catch(() => undefined);
    queryClient.clear();
    router.replace("/admin/login");
    router.refresh();
  }
  return (
    <>
      <button type="button" onClick={() => logout(false)} className="rounded border border-slate-300 px-2 py-1">Log out</button>
      <button type="button" onClick={() => logout(true)} className="rounded border border-slate-300 px-2 py-1">Log out everywhere</button>
    </>
  );
}
