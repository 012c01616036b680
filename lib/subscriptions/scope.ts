// What a subscription or a webhook endpoint follows. One mission, a city (within its host
// country), a host country, or a sending country; endpoints may also follow everything.
import { z } from "zod";

export const SCOPE_KINDS = ["mission", "city", "host", "sending"] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

const countryCode = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "must be a two-letter country code");

export const ScopeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("mission"), missionId: z.coerce.number().int().positive("must be a mission id") }),
  z.object({ kind: z.literal("city"), hostCode: countryCode, city: z.string().trim().min(1, "must name a city").max(120) }),
  z.object({ kind: z.literal("host"), hostCode: countryCode }),
  z.object({ kind: z.literal("sending"), sendingCode: countryCode }),
]);
export type Scope = z.infer<typeof ScopeSchema>;

/** The stored (kind, value) pair of a scope. */
export function scopeKey(scope: Scope): { scopeKind: ScopeKind; scopeValue: string } {
  switch (scope.kind) {
    case "mission":
      return { scopeKind: "mission", scopeValue: String(scope.missionId) };
    case "city":
      return { scopeKind: "city", scopeValue: cityValue(scope.hostCode, scope.city) };
    case "host":
      return { scopeKind: "host", scopeValue: scope.hostCode };
    case "sending":
      return { scopeKind: "sending", scopeValue: scope.sendingCode };
  }
}

const cityValue = (hostCode: string, city: string) => `${hostCode}/${city.trim().toLowerCase()}`;

export interface MissionPlace {
  id: number;
  hostCode: string;
  sendingCode: string;
  city: string;
}

/** Every stored scope a change of this mission concerns. */
export function scopesOfMission(mission: MissionPlace): Array<{ scopeKind: ScopeKind; scopeValue: string }> {
  return [
    { scopeKind: "mission", scopeValue: String(mission.id) },
    { scopeKind: "city", scopeValue: cityValue(mission.hostCode, mission.city) },
    { scopeKind: "host", scopeValue: mission.hostCode },
    { scopeKind: "sending", scopeValue: mission.sendingCode },
  ];
}

/** Whether a stored scope (an endpoint's may be "all") covers a mission. */
export function scopeCovers(stored: { scopeKind: string; scopeValue: string }, mission: MissionPlace): boolean {
  if (stored.scopeKind === "all") return true;
  return scopesOfMission(mission).some((scope) => scope.scopeKind === stored.scopeKind && scope.scopeValue === stored.scopeValue);
}
