import type { Metadata } from "next";
import { getI18n } from "@/lib/i18n/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t("subscriptions.confirmTitle"), robots: { index: false } };
}

interface Props {
  searchParams: Promise<{ token?: string }>;
}

// Opening the link changes nothing (mail scanners open links too): the button confirms.
export default async function ConfirmPage({ searchParams }: Props) {
  const token = (await searchParams).token ?? "";
  const { t } = await getI18n();
  return (
    <div className="max-w-2xl space-y-3">
      <h1 className="text-2xl font-bold">{t("subscriptions.confirmTitle")}</h1>
      <form method="post" action="/api/subscriptions/confirm">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white">{t("subscriptions.confirm")}</button>
      </form>
    </div>
  );
}
