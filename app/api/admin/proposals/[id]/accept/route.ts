import { idParam } from "@/lib/http/params";
import { defineRoute, json } from "@/lib/http/route";
import { acceptProposal } from "@/lib/sources/commands";
import { ProposalAcceptSchema } from "@/lib/sources/schema";

/** Accept as proposed, or with the editor's status, until and reason: a status change citing the notice. */
export const POST = defineRoute({ access: "editor", params: idParam }, async ({ db, user, params, json: body }) => {
  const { mission } = await acceptProposal(db, user, params.id, await body(ProposalAcceptSchema));
  return json({ mission });
});
