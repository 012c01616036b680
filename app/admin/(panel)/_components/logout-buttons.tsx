"use client";

import { useLogOut } from "@/lib/admin/session";

export function LogoutButtons() {
  const logOut = useLogOut();
  const logout = (everywhere: boolean) => logOut.mutate({ everywhere });
  return (
    <>
      <button type="button" onClick={() => logout(false)} className="rounded border border-slate-300 px-2 py-1">Log out</button>
      <button type="button" onClick={() => logout(true)} className="rounded border border-slate-300 px-2 py-1">Log out everywhere</button>
    </>
  );
}
