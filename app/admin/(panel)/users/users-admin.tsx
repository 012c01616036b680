"use client";

import { useState } from "react";
import { ApiError, fieldErrorsOf, type FieldError } from "@/lib/admin/api-client";
import { useCreateUser, useUpdateUser } from "@/lib/admin/users";
import { UserCreateSchema, type UserUpdateInput } from "@/lib/auth/schema";
import { FormErrors } from "../_components/form-errors";
import { fieldClass } from "../../_components/form-fields";

interface UserRow {
  id: number;
  email: string;
  name: string;
  role: string;
  hostScope: string[] | null;
  active: boolean;
  createdAt: string;
}



export function UsersAdmin({ users, currentUserId }: { users: UserRow[]; currentUserId: number }) {
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const [errors, setErrors] = useState<{ message?: string; fields?: FieldError[] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function run(work: () => Promise<unknown>, done: string) {
    setErrors(null);
    setNotice(null);
    try {
      await work();
      setNotice(done);
      return true;
    } catch (caught) {
      setErrors(caught instanceof ApiError ? { message: caught.message, fields: caught.fields } : { message: "Could not save." });
      return false;
    }
  }

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const scope = String(data.get("hostScope") ?? "").trim();
    const parsed = UserCreateSchema.safeParse({
      email: data.get("email"),
      name: data.get("name"),
      role: data.get("role"),
      password: data.get("password"),
      hostScope: scope ? scope.split(/[\s,]+/).filter(Boolean) : null,
    });
    if (!parsed.success) return setErrors({ fields: fieldErrorsOf(parsed.error) });
    if (await run(() => createUser.mutateAsync(parsed.data), `Created ${parsed.data.email}`)) form.reset();
  }

  const update = (user: UserRow, input: UserUpdateInput, done: string) => run(() => updateUser.mutateAsync({ id: user.id, input }), done);

  return (
    <div className="space-y-6">
      <FormErrors message={errors?.message} fields={errors?.fields} />
      {notice && <p role="status" className="text-sm text-green-800">{notice}</p>}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Users</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-2">Email</th>
              <th scope="col" className="p-2">Name</th>
              <th scope="col" className="p-2">Role</th>
              <th scope="col" className="p-2">Host scope</th>
              <th scope="col" className="p-2">State</th>
              <th scope="col" className="p-2">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-t border-slate-200">
                <th scope="row" className="p-2 font-medium">{user.email}</th>
                <td className="p-2">{user.name}</td>
                <td className="p-2">{user.role}</td>
                <td className="p-2">{user.hostScope?.join(", ") ?? "all"}</td>
                <td className="p-2">{user.active ? "active" : "deactivated"}</td>
                <td className="space-x-2 whitespace-nowrap p-2">
                  {user.id !== currentUserId && (
                    <>
                      <button type="button" className="rounded border border-slate-300 px-2 py-1" onClick={() => update(user, { active: !user.active }, `${user.email} ${user.active ? "deactivated" : "activated"}`)}>
                        {user.active ? "Deactivate" : "Activate"} {user.email}
                      </button>
                      <button type="button" className="rounded border border-slate-300 px-2 py-1" onClick={() => update(user, { role: user.role === "admin" ? "editor" : "admin" }, `${user.email} is now ${user.role === "admin" ? "an editor" : "an admin"}`)}>
                        Make {user.role === "admin" ? "editor" : "admin"}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={create} aria-label="Add a user" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2" noValidate>
        <h2 className="text-lg font-semibold sm:col-span-2">Add a user</h2>
        <label className="text-sm font-medium">Email<input name="email" type="email" required className={fieldClass} /></label>
        <label className="text-sm font-medium">Name<input name="name" required className={fieldClass} /></label>
        <label className="text-sm font-medium">
          Role
          <select name="role" defaultValue="editor" className={fieldClass}>
            <option value="editor">Editor</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <label className="text-sm font-medium">Password (12+ characters)<input name="password" type="password" autoComplete="new-password" required className={fieldClass} /></label>
        <label className="text-sm font-medium sm:col-span-2">Host scope (country codes, e.g. UA, PL; empty for all)<input name="hostScope" className={fieldClass} /></label>
        <div className="sm:col-span-2"><button type="submit" className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white">Add user</button></div>
      </form>
    </div>
  );
}
