import { defineRoute, json } from "@/lib/http/route";
import { listFreshnessPolicies } from "@/lib/status/freshness-policy-commands";

export const GET = defineRoute({ access: "admin" }, async ({ db }) => json({ policies: await listFreshnessPolicies(db) }));
