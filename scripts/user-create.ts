// Creates a user: `npm run user:create -- --email ada@example.org --role admin [--name "Ada"]`.
// The password is read from standard input when it is piped, else prompted without echo.
import { parseArgs } from "node:util";
import readline from "node:readline";
import { UserCreateSchema } from "@/lib/auth/schema";
import { createUser } from "@/lib/auth/users";
import { createDb } from "@/lib/db/create";
import { parseEnv } from "@/lib/env";
import { describeFieldErrors, fieldErrors } from "@/lib/errors";

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (text: string) => void };
  process.stdout.write("Password (at least 12 characters): ");
  muted._writeToOutput = () => {};
  const password = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stdout.write("\n");
  return password;
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string", default: "editor" }, name: { type: "string" }, scope: { type: "string" } },
  });
  const input = UserCreateSchema.safeParse({
    email: values.email,
    role: values.role,
    name: values.name ?? values.email?.split("@")[0],
    password: await readPassword(),
    hostScope: values.scope ? values.scope.split(",") : null,
  });
  if (!input.success) throw new Error(`Cannot create the user: ${describeFieldErrors(fieldErrors(input.error))}`);
  const db = createDb(parseEnv().DATABASE_URL);
  try {
    const user = await createUser(db, { id: null, name: "cli:user:create" }, input.data);
    console.log(`Created ${user.role} ${user.email} (id ${user.id})`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
