import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { importGraphPlugin } from "./eslint-rules/import-graph.mjs";
import { noLiteralTextPlugin } from "./eslint-rules/no-literal-text.mjs";

const ENV_READ = { selector: "MemberExpression[object.object.name='process'][object.property.name='env']", message: "Read variables through env() from lib/env.ts." };

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ["node_modules/**", ".next/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "tests/.tmp/**"],
  },
  {
    plugins: { chancery: importGraphPlugin },
    rules: {
      // A cycle makes module order matter and hides which module is the lower layer.
      "import/no-cycle": ["error", { ignoreExternal: true }],
      // server.ts runs its modules outside Next's bundler, where `server-only` and `next/*` break.
      "chancery/framework-free-server-graph": "error",
      // The front process (server.ts, lib/server/) never loads Next or the database (decision 050).
      "chancery/front-without-database": "error",
    },
  },
  {
    // Shared UI never reaches the database, directly or through any other module.
    files: ["components/**/*.{ts,tsx}"],
    rules: { "chancery/no-database-reach": "error" },
  },
  {
    // Public pages and the shared components have no words in code (issue 14, decision 040):
    // they come from messages/<locale>.json. The admin stays English (decision 040).
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["app/admin/**", "app/api/**"],
    plugins: { i18n: noLiteralTextPlugin },
    rules: { "i18n/no-literal-text": "error" },
  },
  {
    // Every variable is read and validated in lib/env.ts (a bad value stops the start, named).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "server.ts", "server-renderer.ts", "scripts/**/*.ts", "prisma/**/*.ts"],
    ignores: ["lib/env.ts"],
    rules: {
      // Reading one variable (process.env.X); handing the whole environment to a child is fine.
      "no-restricted-syntax": ["error", ENV_READ],
    },
  },
  {
    // The admin client (bulletproof-react style, decision 029): components call the hooks of one
    // module per resource in lib/admin/*, which own the requests and what each write reloads.
    files: ["app/admin/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": ["error", ENV_READ, { selector: "CallExpression[callee.name='fetch']", message: "Admin components call the hooks of lib/admin/<resource>.ts, not fetch." }],
      "no-restricted-imports": ["error", { paths: [{ name: "@/lib/admin/api-client", importNames: ["apiFetch"], message: "Admin components call the hooks of lib/admin/<resource>.ts, not apiFetch." }] }],
    },
  },
];

export default config;
