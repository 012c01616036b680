import { parseOrThrow } from "@/lib/errors";
import { defineRoute, json } from "@/lib/http/route";
import { setFreshnessPolicy } from "@/lib/status/freshness-policy-commands";
import { FreshnessPolicyInputSchema, HostCodeParamSchema } from "@/lib/status/freshness-policy-schema";

const codeParam = (params: Record<string, string>) => parseOrThrow(HostCodeParamSchema, params);

export const PUT = defineRoute({ access: "admin", params: codeParam }, async ({ db, user, params, json: body }) => {
  const policy = await setFreshnessPolicy(db, user, params.code, await body(FreshnessPolicyInputSchema));
  return json({ policy });
});
