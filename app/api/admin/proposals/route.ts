import { defineRoute, json } from "@/lib/http/route";
import { listPendingProposals } from "@/lib/sources/queries";

/** Pending proposals in the caller's host countries, most urgent first. */
export const GET = defineRoute({ access: "editor" }, async ({ db, user }) => json({ proposals: await listPendingProposals(db, user.hostScope, new Date()) }));
