import Link from "next/link";
import { useI18n } from "@/lib/i18n/request";

export default function NotFound() {
  const { t, href } = useI18n();
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">{t("errors.notFound")}</h1>
      <p>{t("errors.notFoundBody")}</p>
      <p>{t.rich("errors.notFoundLinks", { home: (chunks) => <Link href={href("/")} className="underline">{chunks}</Link> })}</p>
    </div>
  );
}
