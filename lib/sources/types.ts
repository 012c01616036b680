// Sources and proposals as they travel to the admin's browser (dates as ISO strings). No
// server imports: the client components and the server loaders share these types.
import type { Status } from "@/lib/status/schema";

export interface SourceView {
  id: number;
  name: string;
  url: string;
  kind: string;
  language: string;
  missionIds: number[];
  sendingCode: string | null;
  hostCode: string | null;
  intervalMinutes: number;
  enabled: boolean;
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  failures: number;
  nextFetchAt: string | null;
  pendingProposals: number;
}

export interface PendingProposal {
  id: number;
  kind: "change" | "reverify";
  classification: string;
  suggestedStatus: Status;
  until: string | null;
  untilPhrase: string | null;
  title: string;
  excerpt: string;
  triggerPhrase: string;
  link: string;
  publishedAt: string | null;
  confidence: number;
  diff: string | null;
  createdAt: string;
  sourceName: string;
  inCrisis: boolean;
  mission: { id: number; slug: string; name: string; hostName: string; status: string | null; version: number; timeZone: string };
}
