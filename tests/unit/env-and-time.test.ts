import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { formatAge, formatLocalAndUtc } from "@/lib/time";
import { postgresSchemaFrom } from "@/scripts/sync-schemas";
import fs from "node:fs";

describe("parseEnv", () => {
  it("defaults to the embedded SQLite file", () => {
    expect(parseEnv({})).toMatchObject({ DATABASE_URL: "file:./data/chancery.db", databaseProvider: "sqlite", PORT: 3000 });
  });

  it("switches to PostgreSQL by URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u@h/db" }).databaseProvider).toBe("postgres");
  });

  it("explains a bad value by name", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", PORT: "0" })).toThrow(/DATABASE_URL: must start with "file:".*\n.*PORT/s);
  });

  it("parses every variable the app reads, with its default", () => {
    expect(parseEnv({})).toMatchObject({ HOSTNAME: "0.0.0.0", PUBLIC_ORIGIN: undefined, TRUST_PROXY: 0, LOGIN_IP_LIMIT: 100, ARGON2_MEMORY_KIB: 19456, SEED_DEMO_EDITOR: false });
    expect(
      parseEnv({ HOSTNAME: "3f2a1b9c0d1e", PUBLIC_ORIGIN: "https://chancery.example/some/path", TRUST_PROXY: "true", LOGIN_IP_LIMIT: "20", ARGON2_MEMORY_KIB: "1024", PORT: "8080" }),
    ).toMatchObject({ HOSTNAME: "3f2a1b9c0d1e", PUBLIC_ORIGIN: "https://chancery.example", TRUST_PROXY: 1, LOGIN_IP_LIMIT: 20, ARGON2_MEMORY_KIB: 1024, PORT: 8080 });
    expect(parseEnv({ HOSTNAME: "::", TRUST_PROXY: "2" })).toMatchObject({ HOSTNAME: "::", TRUST_PROXY: 2 });
    expect(parseEnv({ TRUST_PROXY: "false", PUBLIC_ORIGIN: "" })).toMatchObject({ TRUST_PROXY: 0, PUBLIC_ORIGIN: undefined });
  });

  it.each([
    ["PUBLIC_ORIGIN", "chancery.example"],
    ["PUBLIC_ORIGIN", "ftp://chancery.example"],
    ["HOSTNAME", "not a host!"],
    ["PORT", "80x"],
    ["PORT", "1e3"],
    ["TRUST_PROXY", "yes"],
    ["LOGIN_IP_LIMIT", "-1"],
    ["LOGIN_IP_LIMIT", "ten"],
    ["ARGON2_MEMORY_KIB", "4"],
    ["SEED_DEMO_EDITOR", "true"],
  ])("refuses %s=%s by name", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`^Invalid environment:\n  ${name}: `));
  });
});

describe("time formatting", () => {
  it("shows host-city local time and UTC", () => {
    expect(formatLocalAndUtc(new Date("2024-11-20T07:00:00Z"), "Europe/Kyiv")).toBe("20 Nov 2024, 09:00 EET (07:00 UTC)");
    expect(formatLocalAndUtc(new Date("2024-11-20T07:00:00Z"), "Not/AZone")).toBe("20 Nov 2024, 07:00 UTC");
  });

  it("gives ages in words", () => {
    const now = new Date("2024-11-22T07:00:00Z");
    expect(formatAge(new Date("2024-11-20T07:00:00Z"), now)).toBe("2 days ago");
    expect(formatAge(now, now)).toBe("just now");
  });
});

describe("schema drift", () => {
  it("keeps the PostgreSQL schema generated from the SQLite one", () => {
    const sqlite = fs.readFileSync("prisma/sqlite/schema.prisma", "utf8");
    expect(fs.readFileSync("prisma/postgres/schema.prisma", "utf8")).toBe(postgresSchemaFrom(sqlite));
  });
});
