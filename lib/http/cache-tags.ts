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
