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
