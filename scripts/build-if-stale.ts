// `npm start`: runs `next build` only when a source file is newer than the last build, so a
// restart of a built checkout starts in seconds. The front's bundle (scripts/build-front.ts,
// well under a second) is made every time: it is what `npm run serve` runs.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const BUILD_MARKER = path.join(root, ".next", "BUILD_ID");
const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const SKIPPED = new Set(["generated", "node_modules", ".next"]);

function newestChange(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (!SKIPPED.has(child)) newest = Math.max(newest, newestChange(path.join(entry, child)));
  }
  return newest;
}

const builtAt = fs.existsSync(BUILD_MARKER) ? fs.statSync(BUILD_MARKER).mtimeMs : 0;
const changedAt = Math.max(...SOURCES.map((source) => newestChange(path.join(root, source))));
if (builtAt > changedAt) {
  console.log("The build is current: not rebuilding (delete .next to force a build).");
  execFileSync("npm", ["run", "--silent", "build:front"], { cwd: root, stdio: "inherit" });
} else {
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
}
