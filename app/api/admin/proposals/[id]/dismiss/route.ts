import { idParam } from "@/lib/http/params";
import { defineRoute, json } from "@/lib/http/route";
import { dismissProposal } from "@/lib/sources/commands";
import { ProposalDismissSchema } from "@/lib/sources/schema";

export const POST = defineRoute({ access: "editor", params: idParam }, async ({ db, user, params, json: body }) => {
  await dismissProposal(db, user, params.id, await body(ProposalDismissSchema));
  return json({ dismissed: params.id });
});
