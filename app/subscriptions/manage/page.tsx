import type { Metadata } from "next";
import { getDb } from "@/lib/db/client";
import { subscriptionsOf } from "@/lib/subscriptions/commands";
import { getI18n } from "@/lib/i18n/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t("subscriptions.manageTitle"), robots: { index: false } };
}
export const dynamic = "force-dynamic";

interface Props {
  searchParams: Promise<{ token?: string; confirmed?: string; stopped?: string }>;
}

export default async function ManagePage({ searchParams }: Props) {
  const { token = "", confirmed, stopped } = await searchParams;
  const { t } = await getI18n();
  const subscriptions = token ? await subscriptionsOf(getDb(), token.slice(0, 200)) : null;
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("subscriptions.manageTitle")}</h1>
      {confirmed && <p role="status" className="rounded bg-green-50 p-2 text-green-900">{t("subscriptions.confirmed")}</p>}
      {stopped && <p role="status" className="rounded bg-slate-100 p-2">{t("subscriptions.stopped")}</p>}
      {!subscriptions || subscriptions.length === 0 ? (
        <p>{t("subscriptions.none")}</p>
      ) : (
        <>
          <ul className="space-y-2">
            {subscriptions.map((subscription) => (
              <li key={subscription.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-200 bg-white p-3">
                <span>
                  <span lang="en">{subscription.label}</span> · {subscription.cadence === "digest" ? t("subscriptions.digest") : t("subscriptions.immediate")}
                  {subscription.state === "pending" && ` · ${t("subscriptions.pending")}`}
                </span>
                <form method="post" action="/api/subscriptions/manage">
                  <input type="hidden" name="token" value={token} />
                  <input type="hidden" name="subscriptionId" value={subscription.id} />
                  <button type="submit" className="rounded border border-slate-400 px-3 py-1">{t("subscriptions.stop")}<span className="sr-only"> {subscription.label}</span></button>
                </form>
              </li>
            ))}
          </ul>
          <form method="post" action={`/api/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white">{t("subscriptions.unsubscribeAll")}</button>
          </form>
        </>
      )}
    </div>
  );
}
