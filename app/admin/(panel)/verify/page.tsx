import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listPendingProposals } from "@/lib/sources/queries";
import { loadVerificationQueue } from "@/lib/verification/queue";
import { ProposalsView } from "./proposals";
import { VerificationQueueView } from "./verification-queue";

export const metadata: Metadata = { title: "Verification queue" };

export default async function VerifyPage() {
  const user = await requireUser();
  const now = new Date();
  const [queue, proposals] = await Promise.all([loadVerificationQueue(getDb(), user.hostScope, now), listPendingProposals(getDb(), user.hostScope, now)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Verification queue</h1>
      <p className="max-w-3xl text-slate-700">
        Statuses that are due for a check, stale or never confirmed
        {user.hostScope ? ` in ${user.hostScope.join(", ")}` : ""}: closed and limited first, countries in crisis first, then the
        longest without a confirmation.
      </p>
      <ProposalsView initialProposals={proposals} />
      <VerificationQueueView initialQueue={queue} />
    </div>
  );
}
