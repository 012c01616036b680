// One fetch of one source, the same for the scheduled job and for "test": conditional GET,
// then the notices it holds. Never throws: a failure is an outcome with its message.
import { env } from "@/lib/env";
import { readNotices, MalformedSourceError, type ReadResult } from "./notices";
import { DEFAULT_FETCH_POLICY, safeFetch, SourceFetchError, type FetchPolicy } from "./safe-fetch";
import type { SourceKind } from "./schema";

export interface FetchableSource {
  url: string;
  kind: SourceKind;
  etag: string | null;
  lastModified: string | null;
  lastText: string | null;
  hostCode: string | null;
}

export type FetchOutcome =
  | { kind: "not-modified" }
  | { kind: "fetched"; etag: string | null; lastModified: string | null; read: ReadResult }
  | { kind: "failed"; message: string };

export function defaultFetchPolicy(): FetchPolicy {
  return { ...DEFAULT_FETCH_POLICY, allowPrivate: env().SOURCE_FETCH_ALLOW_PRIVATE_HOSTS };
}

export async function fetchSource(source: FetchableSource, policy: FetchPolicy, now: Date): Promise<FetchOutcome> {
  try {
    const result = await safeFetch(source.url, { etag: source.etag, lastModified: source.lastModified }, policy);
    if (result.status === 304) return { kind: "not-modified" };
    return { kind: "fetched", etag: result.etag, lastModified: result.lastModified, read: readNotices(source.kind, result.body, result.finalUrl, { previousText: source.lastText, fetchedAt: now, hostCode: source.hostCode }) };
  } catch (error) {
    if (error instanceof SourceFetchError || error instanceof MalformedSourceError) return { kind: "failed", message: error.message };
    return { kind: "failed", message: `unexpected: ${error instanceof Error ? error.message : String(error)}` };
  }
}
