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

/** The files reachable from any of the entries, each with the path from its first entry. */
function reachableFromAll(entries) {
  const union = new Map();
  for (const entry of entries) for (const [file, chain] of reachable(entry)) if (!union.has(file)) union.set(file, chain);
  return union;
}

const SERVER_ENTRIES = [path.join(ROOT, "server.ts"), path.join(ROOT, "server-renderer.ts")];
let serverGraph;
const serverModules = () => (serverGraph ??= reachableFromAll(SERVER_ENTRIES.filter((entry) => fs.existsSync(entry))));

/** Modules server.ts and server-renderer.ts load run outside Next's bundler: `server-only` and `next/*` break them. */
const frameworkFreeServerGraph = {
  meta: { type: "problem", schema: [], messages: { framework: "{{file}} is loaded by {{entry}} ({{chain}}), which runs outside Next: it must not import {{specifier}}." } },
  create(context) {
    const file = context.filename;
    const chain = serverModules().get(file);
    if (!chain || SERVER_ENTRIES.includes(file)) return {};
    const check = (node, specifier, isType) => {
      if (!isType && typeof specifier === "string" && isFramework(specifier)) {
        context.report({ node, messageId: "framework", data: { file: relative(file), entry: relative(chain[0]), chain: chain.map(relative).join(" → "), specifier } });
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

// The front process (decision 050) holds the cache and never renders: no Next, no Prisma, no
// database driver, no job worker, through any number of imports from server.ts or lib/server/.
const FRONT_FORBIDDEN_PACKAGES = [/^next(?:\/|$)/, /^@prisma\//, /^prisma$/, /^pg$/, /^better-sqlite3$/, /^server-only$/, /^@node-rs\/argon2$/];
const FRONT_FORBIDDEN_FILES = [path.join(ROOT, "lib/db") + path.sep, path.join(ROOT, "lib/generated") + path.sep, path.join(ROOT, "lib/jobs") + path.sep, path.join(ROOT, "lib/events/pg-channel.ts")];
const FRONT_DIRECTORY = path.join(ROOT, "lib/server");
let frontGraph;
function frontModules() {
  if (!frontGraph) {
    const own = fs.existsSync(FRONT_DIRECTORY) ? fs.readdirSync(FRONT_DIRECTORY).filter((name) => EXTENSIONS.some((ext) => name.endsWith(ext))).map((name) => path.join(FRONT_DIRECTORY, name)) : [];
    frontGraph = reachableFromAll([path.join(ROOT, "server.ts"), ...own.sort()]);
  }
  return frontGraph;
}

const frontWithoutDatabase = {
  meta: { type: "problem", schema: [], messages: { front: "{{file}} is loaded by the front process ({{chain}}), which holds no Next and no database: it must not import {{specifier}}." } },
  create(context) {
    const file = context.filename;
    const chain = frontModules().get(file);
    if (!chain) return {};
    const check = (node, specifier, isType) => {
      if (isType || typeof specifier !== "string") return;
      const target = resolveSpecifier(specifier, file);
      const forbidden = target ? FRONT_FORBIDDEN_FILES.some((prefix) => target === prefix || target.startsWith(prefix)) : FRONT_FORBIDDEN_PACKAGES.some((pattern) => pattern.test(specifier));
      if (forbidden) context.report({ node, messageId: "front", data: { file: relative(file), chain: chain.map(relative).join(" → "), specifier } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === "type"),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === "type"),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === "type"),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value, false),
    };
  },
};

export const importGraphPlugin = { rules: { "framework-free-server-graph": frameworkFreeServerGraph, "no-database-reach": noDatabaseReach, "front-without-database": frontWithoutDatabase } };
