// Imported first by the renderer (server-renderer.ts). tsx turns Node's source-map support on,
// and Node then parses and keeps the map of every module it loads: for Next's route chunks,
// their sources included, ~40 MB of the renderer's heap for stack traces alone (decision 055).
// Its stack traces point into .next instead, as under `next start`. The front keeps its own
// small map (`npm run serve` passes --enable-source-maps to it, not to the renderer);
// `NODE_OPTIONS=--enable-source-maps` keeps the renderer's too.
// Read directly, not through lib/env.ts: this runs before any other module loads.
// eslint-disable-next-line no-restricted-syntax
const asked = (process.env.NODE_OPTIONS ?? "").includes("--enable-source-maps");
if (!asked) process.setSourceMapsEnabled(false);
