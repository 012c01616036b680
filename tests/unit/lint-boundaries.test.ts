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

  it("a module server.ts loads may not import server-only or next/*", async () => {
    const messages = await messagesFor("lib/http/escape.ts", 'import "server-only";\nimport { NextResponse } from "next/server";\nexport const probe = NextResponse;\n');
    expect(messages).toHaveLength(2);
    for (const message of messages) expect(message).toMatch(/^chancery\/framework-free-server-graph: lib\/http\/escape\.ts is loaded by server\.ts \(server\.ts → .* → lib\/http\/escape\.ts\)/);
    expect(await messagesFor("lib/auth/login.ts", 'import "server-only";\nexport {};\n')).toEqual([]);
  });

  it("reading a variable outside lib/env.ts is refused", async () => {
    expect(await messagesFor("lib/probe.ts", "export const port = process.env.PORT;\n")).toEqual(["no-restricted-syntax: Read variables through env() from lib/env.ts."]);
  });
}, 60_000);
