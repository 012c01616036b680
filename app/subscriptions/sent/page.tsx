import type { Metadata } from "next";
import { getI18n, useI18n } from "@/lib/i18n/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t("subscriptions.sentTitle") };
}

export default function SentPage() {
  const { t } = useI18n();
  return (
    <div className="max-w-2xl space-y-3">
      <h1 className="text-2xl font-bold">{t("subscriptions.sentTitle")}</h1>
      <p>{t("subscriptions.sentBody")}</p>
    </div>
  );
}
