import type { Metadata } from "next";
import { getI18n } from "@/lib/i18n/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t("subscriptions.unsubscribe"), robots: { index: false } };
}

interface Props {
  searchParams: Promise<{ token?: string; done?: string }>;
}

export default async function UnsubscribePage({ searchParams }: Props) {
  const { token = "", done } = await searchParams;
  const { t } = await getI18n();
  if (done) {
    return (
      <div className="max-w-2xl space-y-3">
        <h1 className="text-2xl font-bold">{t("subscriptions.unsubscribedTitle")}</h1>
        <p role="status">{t("subscriptions.unsubscribedBody")}</p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl space-y-3">
      <h1 className="text-2xl font-bold">{t("subscriptions.unsubscribe")}</h1>
      <p>{t("subscriptions.unsubscribeBody")}</p>
      <form method="post" action={`/api/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white">{t("subscriptions.unsubscribe")}</button>
      </form>
    </div>
  );
}
