import { hash, verify } from "@node-rs/argon2";
import { env } from "@/lib/env";

// OWASP's argon2id minimum (19 MiB, 2 passes); tests may lower the memory (ARGON2_MEMORY_KIB).
const options = () => ({
  algorithm: 2, // Algorithm.Argon2id (a const enum, not importable under isolatedModules)
  memoryCost: env().ARGON2_MEMORY_KIB,
  timeCost: 2,
  parallelism: 1,
});

export function hashPassword(password: string): Promise<string> {
  return hash(password, options());
}

// Verified against when the email is unknown, so both failures take the same time.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword("chancery-dummy-password");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
