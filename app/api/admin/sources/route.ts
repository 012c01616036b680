import { defineRoute, json } from "@/lib/http/route";
import { createSource } from "@/lib/sources/commands";
import { listSources } from "@/lib/sources/queries";
import { SourceCreateSchema } from "@/lib/sources/schema";

export const GET = defineRoute({ access: "admin" }, async ({ db }) => json({ sources: await listSources(db) }));

export const POST = defineRoute({ access: "admin" }, async ({ db, user, json: body }) => {
  const source = await createSource(db, user, await body(SourceCreateSchema));
  return json({ source: { id: source.id } }, 201);
});
