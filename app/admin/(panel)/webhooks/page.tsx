import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listEndpoints } from "@/lib/webhooks/endpoints";
import { WebhooksAdmin } from "./webhooks-admin";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

export default async function WebhooksPage() {
  await requireUser("admin");
  const endpoints = await listEndpoints(getDb());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Webhooks</h1>
      <p className="max-w-3xl text-slate-700">
        Endpoints get every status change they follow, signed per Standard Webhooks (see the API page for how to verify). A failing endpoint is
        retried for about a day, then disabled; the outbox page then shows a notice.
      </p>
      <WebhooksAdmin
        initialEndpoints={endpoints.map((endpoint) => ({
          ...endpoint,
          createdAt: endpoint.createdAt.toISOString(),
          disabledAt: endpoint.disabledAt?.toISOString() ?? null,
          previousSecretUntil: endpoint.previousSecretUntil?.toISOString() ?? null,
        }))}
      />
    </div>
  );
}
