// Imported first by the renderer (server-renderer.ts). tsx turns Node's source-map support on,
// and Node then parses and keeps the map of every module it loads: for Next's route chunks,
// their sources included, ~40 MB of the renderer's heap for stack traces alone (decision 055).
// Stack traces point into .next instead, as under `next start`; starting the server with
// `node --enable-source-maps` keeps the maps (the front passes the flag on: ./renderer.ts).
if (!process.execArgv.includes("--enable-source-maps")) process.setSourceMapsEnabled(false);
