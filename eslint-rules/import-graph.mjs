// Lint rules about what a module *reaches*, not only what it imports directly: the boundaries
// hold through any number of hops. The import graph is read from the source (runtime imports,
// static and dynamic; `import type` loads nothing and is skipped).
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".mjs"];
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^"'`;]*?\sfrom\s*)?["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;

/** Runtime import specifiers of a file's source. */
function runtimeSpecifiers(source) {
  const specifiers = [];
  for (const match of source.matchAll(IMPORT)) {
    if (match[1]) continue; // import type / export type
    specifiers.push(match[2] ?? match[3]);
  }
  return specifiers;
}

function resolveFile(base) {
  for (const candidate of [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`))]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** A project file for "@/…" and relative specifiers; undefined for packages. */
function resolveSpecifier(specifier, fromFile) {
  if (specifier.startsWith("@/")) return resolveFile(path.join(ROOT, specifier.slice(2)));
  if (specifier.startsWith(".")) return resolveFile(path.resolve(path.dirname(fromFile), specifier));
  return undefined;
}

const edgesCache = new Map();
/** { files: project files imported, packages: package specifiers imported } */
function edgesOf(file) {
  let edges = edgesCache.get(file);
  if (!edges) {
    const specifiers = runtimeSpecifiers(fs.readFileSync(file, "utf8"));
    edges = {
      files: specifiers.map((specifier) => resolveSpecifier(specifier, file)).filter(Boolean),
      packages: specifiers.filter((specifier) => !specifier.startsWith("@/") && !specifier.startsWith(".")),
    };
    edgesCache.set(file, edges);
  }
  return edges;
}

/** Every project file reachable from the entry (the entry included), with the path to each. */
function reachable(entry) {
  const via = new Map([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift();
    for (const next of edgesOf(file).files) {
      if (via.has(next)) continue;
      via.set(next, [...via.get(file), next]);
      queue.push(next);
    }
  }
  return via;
}

const relative = (file) => path.relative(ROOT, file);
const isFramework = (specifier) => specifier === "server-only" || specifier === "next" || specifier.startsWith("next/");

let serverGraph;
const serverModules = () => (serverGraph ??= reachable(path.join(ROOT, "server.ts")));

/** Modules server.ts loads run outside Next's bundler: `server-only` and `next/*` break them. */
const frameworkFreeServerGraph = {
  meta: { type: "problem", schema: [], messages: { framework: "{{file}} is loaded by server.ts ({{chain}}), which runs outside Next: it must not import {{specifier}}." } },
  create(context) {
    const file = context.filename;
    const chain = serverModules().get(file);
    if (!chain || file === path.join(ROOT, "server.ts")) return {};
    const check = (node, specifier, isType) => {
      if (!isType && typeof specifier === "string" && isFramework(specifier)) {
        context.report({ node, messageId: "framework", data: { file: relative(file), chain: chain.map(relative).join(" → "), specifier } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === "type"),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === "type"),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === "type"),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value, false),
    };
  },
};

const DATABASE = [path.join(ROOT, "lib/db") + path.sep, path.join(ROOT, "lib/generated") + path.sep];
const isDatabase = (file) => DATABASE.some((prefix) => file.startsWith(prefix));

/** Shared UI never reaches the database, through any number of imports. */
const noDatabaseReach = {
  meta: { type: "problem", schema: [], messages: { reach: "Components never reach the database: {{chain}}." } },
  create(context) {
    const file = context.filename;
    const check = (node, specifier, isType) => {
      if (isType || typeof specifier !== "string") return;
      const target = resolveSpecifier(specifier, file);
      if (!target) return;
      const hit = [...reachable(target)].find(([reached]) => isDatabase(reached));
      if (hit) context.report({ node, messageId: "reach", data: { chain: [file, ...hit[1]].map(relative).join(" → ") } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === "type"),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === "type"),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === "type"),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value, false),
    };
  },
};

export const importGraphPlugin = { rules: { "framework-free-server-graph": frameworkFreeServerGraph, "no-database-reach": noDatabaseReach } };
