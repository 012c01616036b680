import { NotFoundError } from "@/lib/errors";
import { idParam } from "@/lib/http/params";
import { defineRoute, json } from "@/lib/http/route";
import { trialSource } from "@/lib/sources/commands";
import { LanguageSchema, SourceKindSchema } from "@/lib/sources/schema";
import { missionIdsOf } from "@/lib/sources/scope";

/** Fetches a saved source now and shows what it would propose; stores nothing. */
export const POST = defineRoute({ access: "admin", params: idParam }, async ({ db, params }) => {
  const source = await db.source.findUnique({ where: { id: params.id } });
  if (!source) throw new NotFoundError(`Source ${params.id} does not exist`, { fields: [{ field: "id", message: `no source ${params.id}` }] });
  const trial = await trialSource(db, {
    url: source.url,
    kind: SourceKindSchema.parse(source.kind),
    language: LanguageSchema.parse(source.language),
    missionIds: missionIdsOf(source.missionIds),
    sendingCode: source.sendingCode,
    hostCode: source.hostCode,
  });
  return json(trial);
});
