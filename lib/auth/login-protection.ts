// Login protection after rate-limiter-flexible's pattern: wrong attempts are counted per
// account *and* address together (so strangers elsewhere cannot lock an editor out), and per
// address per day (so one address cannot guess at many accounts). The counters live in the
// database (table RateLimiterFlexible), so every instance on one PostgreSQL sees the same ones.
// Why this shape: docs/decisions/009-login-protection-and-proxy-trust.md.
import crypto from "node:crypto";
import { RateLimiterPrisma, type RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/create";
import { env } from "@/lib/env";

/** Wrong attempts one address may make at one account before that pair is blocked. */
const MAX_FAILS_PER_ACCOUNT_AND_ADDRESS = 5;
const ACCOUNT_AND_ADDRESS_BLOCK_SECONDS = 15 * 60;
const DAY_SECONDS = 24 * 60 * 60;

export interface LoginAttempt {
  /** 0 when the attempt may be checked; otherwise the seconds to wait (nothing was checked). */
  retryAfterSeconds: number;
  /** Call after a wrong password: blocks the pair once it reached its limit. */
  failed(): Promise<void>;
  /** Call after a right password: the pair starts afresh and the attempt does not count. */
  succeeded(): Promise<void>;
}

export interface LoginProtection {
  /** Counts the attempt before the password is checked, so parallel guesses cannot slip past. */
  begin(email: string, address: string): Promise<LoginAttempt>;
}

// Hashed keys: the table never tells who tried to log in from where.
const keyOf = (...parts: string[]) => crypto.createHash("sha256").update(parts.join("\n")).digest("base64url");
const seconds = (result: RateLimiterRes) => Math.max(1, Math.ceil(result.msBeforeNext / 1000));

function createLoginProtection(db: Db, { attemptsPerAddressPerDay }: { attemptsPerAddressPerDay: number }): LoginProtection {
  const store = { storeClient: db, tableName: "rateLimiterFlexible" };
  const byAccountAndAddress = new RateLimiterPrisma({ ...store, keyPrefix: "login-account-address", points: MAX_FAILS_PER_ACCOUNT_AND_ADDRESS, duration: DAY_SECONDS });
  const byAddress = new RateLimiterPrisma({ ...store, keyPrefix: "login-address-day", points: attemptsPerAddressPerDay, duration: DAY_SECONDS });

  return {
    async begin(email, address) {
      const pairKey = keyOf(email, address);
      const addressKey = keyOf(address);
      const [pair, perAddress] = await Promise.all([byAccountAndAddress.penalty(pairKey), byAddress.penalty(addressKey)]);
      const refused = [
        ...(pair.consumedPoints > MAX_FAILS_PER_ACCOUNT_AND_ADDRESS ? [seconds(pair)] : []),
        ...(perAddress.consumedPoints > attemptsPerAddressPerDay ? [seconds(perAddress)] : []),
      ];
      return {
        retryAfterSeconds: refused.length ? Math.max(...refused) : 0,
        async failed() {
          if (pair.consumedPoints >= MAX_FAILS_PER_ACCOUNT_AND_ADDRESS) await byAccountAndAddress.block(pairKey, ACCOUNT_AND_ADDRESS_BLOCK_SECONDS);
        },
        async succeeded() {
          await Promise.all([byAccountAndAddress.delete(pairKey), byAddress.reward(addressKey)]);
        },
      };
    },
  };
}

const perDatabase = new WeakMap<Db, LoginProtection>();

/** The protection backed by this database's counters. */
export function loginProtection(db: Db): LoginProtection {
  let protection = perDatabase.get(db);
  if (!protection) {
    protection = createLoginProtection(db, { attemptsPerAddressPerDay: env().LOGIN_IP_LIMIT });
    perDatabase.set(db, protection);
  }
  return protection;
}
