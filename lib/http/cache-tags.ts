import type { DataChange } from "@/lib/events/data-changed";

/** What a cached response depends on. "*" marks responses that span all data (every write
 * drops them); the others are dropped only by writes that touch that mission or country. */
export type CacheTag = "*" | `mission:${number}` | `host:${string}` | `sending:${string}`;

export function dataTags(change: Partial<DataChange>): CacheTag[] {
  return [
    ...(change.missionIds ?? []).map((id): CacheTag => `mission:${id}`),
    ...(change.hostCodes ?? []).map((code): CacheTag => `host:${code}`),
    ...(change.sendingCodes ?? []).map((code): CacheTag => `sending:${code}`),
  ];
}

/** The tags a write invalidates: everything it names, plus every all-data response. */
export function invalidatedTags(change: DataChange): Set<CacheTag> {
  return new Set<CacheTag>(["*", ...dataTags(change)]);
}

/**
 * The tags of an answer scoped to host or sending countries (by host when it names both:
 * every write to a shown mission names its host), or to all data. Every list, feed, embed and
 * page computes its tags here.
 */
export function scopeTags(scope: { hostCodes?: readonly string[]; sendingCodes?: readonly string[] }): CacheTag[] {
  if (scope.hostCodes?.length) return dataTags({ hostCodes: [...scope.hostCodes] });
  if (scope.sendingCodes?.length) return dataTags({ sendingCodes: [...scope.sendingCodes] });
  return ["*"];
}
