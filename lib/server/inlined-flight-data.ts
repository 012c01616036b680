// The renderer's switch for Next's inline RSC payload (decision 056). scripts/patch-next.ts
// makes Next's inline-data stream ask globalThis[Symbol.for(SKIP_SWITCH)]() per render; this
// module answers it from the request's async context, so only the renderings run through
// `withoutInlinedFlightData` (the lite public pages) go without the payload. The editor's pages,
// which hydrate, keep theirs.
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const SKIP_SWITCH = "chancery.skipInlinedFlightData";

const withoutPayload = new AsyncLocalStorage<true>();
(globalThis as Record<symbol, unknown>)[Symbol.for(SKIP_SWITCH)] = () => withoutPayload.getStore() === true;

/** Runs a Next render whose HTML needs no inline RSC payload. */
export function withoutInlinedFlightData<T>(render: () => T): T {
  return withoutPayload.run(true, render);
}

/** Whether the installed Next answers the switch (postinstall patched it); the renderer warns when not. */
export function nextAnswersTheSwitch(): boolean {
  const runtime = path.join(path.dirname(createRequire(import.meta.url).resolve("next/package.json")), "dist/compiled/next-server/app-page-turbo.runtime.prod.js");
  try {
    return fs.readFileSync(runtime, "utf8").includes(SKIP_SWITCH);
  } catch {
    return false;
  }
}
