import { parseEnv } from "@/lib/env";

/** Fails fast at server start, with a readable message, when the environment is invalid. */
export function register() {
  parseEnv();
}
