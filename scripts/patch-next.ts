// Run by `npm install` (postinstall): lets the renderer ask Next for a page's HTML without the
// inline RSC payload (decision 056). The lite edition of a public page drops that payload
// anyway (decision 024); producing it cost a fifth of a table page's render and 2.4 times its
// bytes. One guarded statement in Next's compiled Node stream helper: when the renderer's
// switch (globalThis[Symbol.for(SKIP_SWITCH)], lib/server/inlined-flight-data.ts) answers
// true, the inline-data stream drains the RSC stream and ends empty; otherwise it is untouched.
// Idempotent. On a Next whose code differs it warns and changes nothing: pages then carry the
// payload, and the front strips it as before (slower, still correct).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SKIP_SWITCH } from "@/lib/server/inlined-flight-data";
/** Next 16.4's createNodeInlinedDataStream: push the bootstrap script, then pump the RSC stream into it. */
const ORIGINAL = "s.push(Buffer.from(`${n}${o}</script>`)),V(a,s,n),s}";
const PATCHED = `(globalThis[Symbol.for("${SKIP_SWITCH}")]?.()?(a.on("end",()=>s.end()),a.on("error",e=>s.destroy(e)),a.resume()):(s.push(Buffer.from(\`\${n}\${o}</script>\`)),V(a,s,n))),s}`;
const RUNTIMES = /^app-page(?:-turbo)?(?:-experimental)?\.runtime\.prod\.js$/;

/** The runtime's source with the switch in; "unknown" when the code to guard is not found exactly once. */
export function patchInlinedFlightData(source: string): { state: "patched" | "already" | "unknown"; source: string } {
  if (source.includes(PATCHED)) return { state: "already", source };
  if (source.split(ORIGINAL).length !== 2) return { state: "unknown", source };
  return { state: "patched", source: source.replace(ORIGINAL, PATCHED) };
}

export function runtimeFiles(root: string): string[] {
  const directory = path.join(root, "node_modules/next/dist/compiled/next-server");
  if (!fs.existsSync(directory)) return [];
  return fs.readdirSync(directory).filter((name) => RUNTIMES.test(name)).map((name) => path.join(directory, name));
}

function main() {
  const root = path.resolve(import.meta.dirname, "..");
  const files = runtimeFiles(root);
  for (const file of files) {
    const { state, source } = patchInlinedFlightData(fs.readFileSync(file, "utf8"));
    if (state === "patched") fs.writeFileSync(file, source);
    if (state === "unknown") console.warn(`scripts/patch-next.ts: ${path.basename(file)} is not the Next this patch knows; pages will carry their RSC payload until the patch is updated (decision 056).`);
  }
  if (files.length === 0) console.warn("scripts/patch-next.ts: Next's runtimes were not found; nothing patched.");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
