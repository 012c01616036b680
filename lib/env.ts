import { z } from "zod";

export const DEFAULT_DATABASE_URL = "file:./data/chancery.db";

const DatabaseUrl = z
  .string()
  .trim()
  .min(1)
  .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
    message: 'must start with "file:" (SQLite) or "postgres://" / "postgresql://" (PostgreSQL)',
  });

const EnvSchema = z.object({
  DATABASE_URL: DatabaseUrl.default(DEFAULT_DATABASE_URL),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

export type Env = z.infer<typeof EnvSchema> & { databaseProvider: DatabaseProvider };
export type DatabaseProvider = "sqlite" | "postgres";

export function databaseProviderOf(url: string): DatabaseProvider {
  return url.startsWith("file:") ? "sqlite" : "postgres";
}

/** Parses the environment; throws one readable message listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse({
    DATABASE_URL: source.DATABASE_URL || undefined,
    NODE_ENV: source.NODE_ENV || undefined,
    PORT: source.PORT || undefined,
  });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return { ...result.data, databaseProvider: databaseProviderOf(result.data.DATABASE_URL) };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
