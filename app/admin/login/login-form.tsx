"use client";

import { useState } from "react";
import { ApiError } from "@/lib/admin/api-client";
import { useLogIn } from "@/lib/admin/session";
import { fieldClass } from "../_components/form-fields";

export function LoginForm() {
  const logIn = useLogIn();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      await logIn.mutateAsync({ email: data.get("email"), password: data.get("password") });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not log in");
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-describedby={error ? "login-error" : undefined}>
      <label className="block text-sm font-medium">
        Email
        <input name="email" type="email" autoComplete="username" required className={fieldClass} />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={fieldClass} />
      </label>
      {error && (
        <p id="login-error" role="alert" className="rounded bg-red-50 p-2 text-sm text-red-900">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? "Logging in…" : "Log in"}
      </button>
    </form>
  );
}
