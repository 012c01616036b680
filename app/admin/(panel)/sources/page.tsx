import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { listSources } from "@/lib/sources/queries";
import { SourcesAdmin } from "./sources-admin";

export const metadata: Metadata = { title: "Watched sources" };

export default async function SourcesPage() {
  await requireUser("admin");
  const sources = await listSources(getDb());
  const watching = env().SOURCE_WATCHING === "on";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Watched sources</h1>
      <p className="max-w-3xl text-slate-700">
        Official feeds and pages Chancery reads for notices about the missions they speak for. A new or changed notice that
        reads as a closure, a limitation or a reopening becomes a proposal in the verification queue; nothing is published
        without an editor. Sources are added paused; “Test” fetches now and shows what would be proposed without storing it.
      </p>
      <p role="status" className={watching ? "rounded bg-green-50 p-2 text-green-900" : "rounded bg-amber-50 p-2 text-amber-950"}>
        {watching
          ? "Watching is on: enabled sources are fetched at their interval."
          : "Watching is off on this server (SOURCE_WATCHING is not “on”): no source is fetched by the schedule, only by “Test”."}
      </p>
      <SourcesAdmin initialSources={sources} />
    </div>
  );
}
