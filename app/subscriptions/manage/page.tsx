import type { Metadata } from "next";
import { getDb } from "@/lib/db/client";
import { subscriptionsOf } from "@/lib/subscriptions/commands";

export const metadata: Metadata = { title: "Your subscriptions", robots: { index: false } };
export const dynamic = "force-dynamic";

interface Props {
  searchParams: Promise<{ token?: string; confirmed?: string; stopped?: string }>;
}

export default async function ManagePage({ searchParams }: Props) {
  const { token = "", confirmed, stopped } = await searchParams;
  const subscriptions = token ? await subscriptionsOf(getDb(), token.slice(0, 200)) : null;
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Your subscriptions</h1>
      {confirmed && <p role="status" className="rounded bg-green-50 p-2 text-green-900">Subscription confirmed. You will get a mail when the status changes.</p>}
      {stopped && <p role="status" className="rounded bg-slate-100 p-2">That subscription has ended.</p>}
      {!subscriptions || subscriptions.length === 0 ? (
        <p>There are no subscriptions for this link: the address has unsubscribed, or the link is wrong.</p>
      ) : (
        <>
          <ul className="space-y-2">
            {subscriptions.map((subscription) => (
              <li key={subscription.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-200 bg-white p-3">
                <span>
                  {subscription.label} · {subscription.cadence === "digest" ? "daily digest" : "at once"}
                  {subscription.state === "pending" && " · waiting for confirmation"}
                </span>
                <form method="post" action="/api/subscriptions/manage">
                  <input type="hidden" name="token" value={token} />
                  <input type="hidden" name="subscriptionId" value={subscription.id} />
                  <button type="submit" className="rounded border border-slate-400 px-3 py-1">Stop<span className="sr-only"> {subscription.label}</span></button>
                </form>
              </li>
            ))}
          </ul>
          <form method="post" action={`/api/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white">Unsubscribe from everything and delete my address</button>
          </form>
        </>
      )}
    </div>
  );
}
