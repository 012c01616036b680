// The boundaries in eslint.config.mjs catch what they promise to (and the code base passes them:
// `npm run lint`).
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The probes are not files on disk, which import/no-cycle cannot follow.
const eslint = new ESLint({ overrideConfig: [{ rules: { "import/no-cycle": "off" } }] });
const messagesFor = async (filePath: string, text: string) => (await eslint.lintText(text, { filePath }))[0]?.messages.map((message) => `${message.ruleId}: ${message.message}`) ?? [];

describe("lint boundaries", () => {
  it("a component that reaches the database through another module is refused, with the path", async () => {
    const messages = await messagesFor("components/probe.tsx", 'import { getAdminMissionRows } from "@/lib/missions/admin-queries";\nexport const rows = getAdminMissionRows;\n');
    expect(messages).toEqual(["chancery/no-database-reach: Components never reach the database: components/probe.tsx → lib/missions/admin-queries.ts → lib/db/client.ts."]);
    expect(await messagesFor("components/probe.tsx", 'import type { Db } from "@/lib/db/create";\nexport type Probe = Db;\n')).toEqual([]);
  });

  it("a module server.ts or server-renderer.ts loads may not import server-only or next/*", async () => {
    const messages = (await messagesFor("lib/http/escape.ts", 'import "server-only";\nimport { NextResponse } from "next/server";\nexport const probe = NextResponse;\n')).filter((message) => message.startsWith("chancery/framework-free-server-graph"));
    expect(messages).toHaveLength(2);
    for (const message of messages) expect(message).toMatch(/^chancery\/framework-free-server-graph: lib\/http\/escape\.ts is loaded by server(?:-renderer)?\.ts \(server(?:-renderer)?\.ts → .* → lib\/http\/escape\.ts\)/);
    expect(await messagesFor("lib/auth/login.ts", 'import "server-only";\nexport {};\n')).toEqual([]);
  });

  it("a module the front process loads may not import Next, Prisma or the database, through any number of hops", async () => {
    const probe = 'import next from "next";\nimport { PrismaClient } from "@prisma/client";\nimport { createDb } from "@/lib/db/create";\nimport { startAppJobWorker } from "@/lib/jobs/registry";\nexport const probe = [next, PrismaClient, createDb, startAppJobWorker];\n';
    const front = (path: string) => async () => (await messagesFor(path, probe)).filter((message) => message.startsWith("chancery/front-without-database"));
    const fromServer = await front("lib/http/send.ts")();
    expect(fromServer).toHaveLength(4);
    expect(fromServer[0]).toMatch(/^chancery\/front-without-database: lib\/http\/send\.ts is loaded by the front process \(server\.ts → .*lib\/http\/send\.ts\), which holds no Next and no database: it must not import next\.$/);
    expect(await front("lib/server/admission.ts")()).toHaveLength(4);
    // The renderer's own modules may, and so may a type import in the front.
    expect(await front("lib/http/hot-paths.ts")()).toEqual([]);
    expect(await messagesFor("lib/server/front.ts", 'import type { Db } from "@/lib/db/create";\nexport type Probe = Db;\n')).toEqual([]);
  });

  it("reading a variable outside lib/env.ts is refused", async () => {
    expect(await messagesFor("lib/probe.ts", "export const port = process.env.PORT;\n")).toEqual(["no-restricted-syntax: Read variables through env() from lib/env.ts."]);
  });
}, 60_000);
