// Every environment variable Chancery reads, parsed once at start-up: a bad value stops the
// start with a message naming it, instead of failing on some later request.
import { z } from "zod";

const DEFAULT_DATABASE_URL = "file:./data/chancery.db";

const DatabaseUrl = z
  .string()
  .trim()
  .min(1)
  .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
    message: 'must start with "file:" (SQLite) or "postgres://" / "postgresql://" (PostgreSQL)',
  });

const wholeNumber = (min: number, max: number, hint: string) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number (${hint})`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min} (${hint})`).max(max, `must be at most ${max} (${hint})`));

const PublicOrigin = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://chancery.example" })
  .transform((url) => new URL(url).origin);

/** How many reverse proxies in front of the server may be believed about the client. */
const TrustProxy = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(true|false|\d{1,2})$/, 'must be "false", "true" (one proxy) or the number of proxies in front of Chancery')
  .transform((value) => (value === "true" ? 1 : value === "false" ? 0 : Number(value)));

const SmtpUrl = z
  .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL such as smtps://user:password@mail.example:465" })
  .transform((url) => new URL(url));

/** A mailbox as "Name <address>" or a bare address. */
const MailFrom = z
  .string()
  .trim()
  .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'must be an address such as "Chancery <alerts@chancery.example>"');

/** Private addresses outbound fetches may still reach (tests: 127.0.0.1). */
const AddressList = z
  .string()
  .trim()
  .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(z.union([z.ipv4(), z.ipv6()], { error: "must be a comma-separated list of IP addresses" })));

const EnvSchema = z.object({
  DATABASE_URL: DatabaseUrl.default(DEFAULT_DATABASE_URL),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: wholeNumber(1, 65535, "a TCP port").default(3000),
  /** The address server.ts listens on (Docker sets it to the container's name). */
  HOSTNAME: z.union([z.hostname(), z.ipv6()], { error: "must be a host name or an IP address to listen on, such as 0.0.0.0" }).default("0.0.0.0"),
  /** Origin for absolute links; https here also turns on HSTS and Secure cookies. */
  PUBLIC_ORIGIN: PublicOrigin.optional(),
  TRUST_PROXY: TrustProxy.default(0),
  /** Wrong login attempts one address may make per day. */
  LOGIN_IP_LIMIT: wholeNumber(1, 1_000_000, "wrong logins per address per day").default(100),
  /** argon2id memory cost; OWASP's minimum is the default, tests lower it. */
  ARGON2_MEMORY_KIB: wholeNumber(8, 4 * 1024 * 1024, "KiB").default(19456),
  /** Memory the response cache may hold, in MiB (decision 013); least recently used entries go first. */
  RESPONSE_CACHE_MB: wholeNumber(1, 64 * 1024, "MiB of cached responses").default(64),
  /** The renderer process's V8 heap (Next, the database, the job worker), in MiB (decision 050). */
  RENDERER_HEAP_MB: wholeNumber(64, 16 * 1024, "MiB of renderer heap").default(256),
  SEED_DEMO_EDITOR: z.enum(["0", "1"], { error: 'must be "1" or "0"' }).default("0").transform((value) => value === "1"),
  SEED_DEMO_EDITOR_PASSWORD: z.string().optional(),
  /** Where mails go; unset, they stay in the outbox admins read at /admin/outbox. */
  SMTP_URL: SmtpUrl.optional(),
  MAIL_FROM: MailFrom.default("Chancery <chancery@localhost>"),
  /** Private or loopback addresses webhooks may still be sent to (never needed in production). */
  OUTBOUND_ALLOWED_ADDRESSES: AddressList.default([]),
  /** Watched sources are fetched only when this is "on" (lib/sources/): no network I/O by default. */
  SOURCE_WATCHING: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("off"),
  /**
   * Hosts or addresses (comma-separated; CIDR allowed) that source fetches may reach although
   * they are private, loopback or link-local. For tests with a local server; empty in production.
   */
  SOURCE_FETCH_ALLOW_PRIVATE_HOSTS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((entry) => entry.trim().toLowerCase()).filter(Boolean)),
});

export type Env = z.output<typeof EnvSchema> & { databaseProvider: DatabaseProvider };
export type DatabaseProvider = "sqlite" | "postgres";

export function databaseProviderOf(url: string): DatabaseProvider {
  return url.startsWith("file:") ? "sqlite" : "postgres";
}

/** Reads the schema's variables from the source (an empty one counts as unset, as in a shell's
 * `VAR= command`); throws one readable message listing every bad variable. */
function parseVariables<S extends z.ZodObject>(schema: S, source: Record<string, string | undefined>): z.output<S> {
  const given = Object.fromEntries(Object.keys(schema.shape).map((name) => [name, source[name] || undefined]));
  const result = schema.safeParse(given);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = parseVariables(EnvSchema, source);
  return { ...parsed, databaseProvider: databaseProviderOf(parsed.DATABASE_URL) };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

const BenchEnvSchema = z.object({
  BENCH_SECONDS: wholeNumber(1, 3600, "seconds").default(6),
  BENCH_CONNECTIONS: wholeNumber(1, 10_000, "connections").default(50),
  BENCH_PORT: wholeNumber(1, 65535, "a TCP port").default(3210),
  /** Prefixes the bench's PostgreSQL databases, as it does the tests', so benches side by side stay apart. */
  TEST_DB_PREFIX: z
    .string()
    .regex(/^[a-z0-9_]*$/, "must be lower-case letters, digits and underscores")
    .default("chancery_"),
});

/** The knobs of `npm run bench`. */
export function benchEnv(source: Record<string, string | undefined> = process.env) {
  return parseVariables(BenchEnvSchema, source);
}

/** For a process's start: a bad variable stops it here, named, rather than failing some later request. */
export function envOrExit(): Env {
  try {
    return env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
