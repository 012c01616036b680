// Account inputs, shared by the admin forms and the server.
import { z } from "zod";
import { CountryCodeSchema } from "@/lib/countries/schema";
import { AccountEmailSchema } from "@/lib/input/email";
import { requiredText } from "@/lib/input/text";

export const ROLES = ["admin", "editor"] as const;
export const RoleSchema = z.enum(ROLES, { error: "must be admin or editor" });
export type Role = z.infer<typeof RoleSchema>;

export const NewPasswordSchema = z
  .string({ error: "is required" })
  .min(12, "must be at least 12 characters")
  .max(256, "must be at most 256 characters");

export const HostScopeSchema = z.array(CountryCodeSchema).max(300).nullable();

/** A malformed email is refused before any lookup (it could not name an account anyway). */
export const LoginSchema = z.object({
  email: AccountEmailSchema,
  password: z.string({ error: "is required" }).min(1, "is required").max(256),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export const UserCreateSchema = z.object({
  email: AccountEmailSchema,
  name: requiredText(100, "name"),
  role: RoleSchema,
  password: NewPasswordSchema,
  hostScope: HostScopeSchema.default(null),
});
export type UserCreateInput = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z
  .object({
    name: UserCreateSchema.shape.name,
    role: RoleSchema,
    active: z.boolean({ error: "must be true or false" }),
    password: NewPasswordSchema,
    hostScope: HostScopeSchema,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: "nothing to change" });
export type UserUpdateInput = z.infer<typeof UserUpdateSchema>;

/** "UA,PL" ⇄ ["UA","PL"]; null means every host country. */
export const hostScopeToColumn = (scope: string[] | null) => (scope && scope.length ? scope.join(",") : null);
export const hostScopeFromColumn = (column: string | null) => (column ? column.split(",") : null);
