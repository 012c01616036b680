import { ReasonTranslationSchema, translateCurrentReason } from "@/lib/i18n/reason-commands";
import { idParam } from "@/lib/http/params";
import { defineRoute, json } from "@/lib/http/route";

/** Adds a translation of the mission's current reason (or names its language). */
export const POST = defineRoute({ access: "editor", params: idParam }, async ({ db, user, params, json: body }) => {
  await translateCurrentReason(db, user, params.id, await body(ReasonTranslationSchema));
  return json({ ok: true });
});
