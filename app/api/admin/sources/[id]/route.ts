import { idParam } from "@/lib/http/params";
import { defineRoute, json } from "@/lib/http/route";
import { deleteSource, updateSource } from "@/lib/sources/commands";
import { SourceUpdateSchema } from "@/lib/sources/schema";

/** Pause or resume, change the interval, or fetch now. */
export const PATCH = defineRoute({ access: "admin", params: idParam }, async ({ db, user, params, json: body }) => {
  const source = await updateSource(db, user, params.id, await body(SourceUpdateSchema));
  return json({ source: { id: source.id, enabled: source.enabled, nextFetchAt: source.nextFetchAt } });
});

export const DELETE = defineRoute({ access: "admin", params: idParam }, async ({ db, user, params }) => {
  await deleteSource(db, user, params.id);
  return json({ deleted: params.id });
});
