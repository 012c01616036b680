// `npm run build` (after `next build`): bundles the front process (server.ts and what it loads:
// lib/server/, the cache, the send path) into one file, .next/chancery/server.mjs, which
// `npm run serve` runs on plain node: no TypeScript loader in the process that answers every
// request. Packages stay external (resolved from node_modules at run time). Decision 050.
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
export const FRONT_BUNDLE = path.join(root, ".next/chancery/server.mjs");

async function main() {
  const started = performance.now();
  await build({
    entryPoints: [path.join(root, "server.ts")],
    outfile: FRONT_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.9",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    sourcemap: "linked",
    logLevel: "warning",
  });
  console.log(`Front bundled to ${path.relative(root, FRONT_BUNDLE)} in ${(performance.now() - started).toFixed(0)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
