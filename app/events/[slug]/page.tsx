import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DateTime } from "@/components/date-time";
import { getEventBySlug } from "@/lib/missions/queries";
import type { SearchParams } from "@/lib/missions/filters";
import { ChangeList } from "../../_components/change-list";
import { getI18n } from "@/lib/i18n/request";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

const beforeOf = async (searchParams: Promise<SearchParams>) => {
  const { before } = await searchParams;
  return typeof before === "string" ? before : undefined;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [event, { t }] = await Promise.all([getEventBySlug((await params).slug, new Date()), getI18n()]);
  return { title: event?.name ?? t("event.notFound") };
}

export default async function EventPage({ params, searchParams }: Props) {
  const slug = (await params).slug;
  const event = await getEventBySlug(slug, new Date(), { before: await beforeOf(searchParams) });
  if (!event) notFound();
  const { t, locale, href } = await getI18n();
  const shown = event.changes.length;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{event.name}</h1>
      <p className="text-slate-700">
        <DateTime value={event.occurredAt} locale={locale} /> · {t("event.reports", { total: event.total })}
        {event.total > shown && (event.isLatest ? t("event.shownLatest", { shown }) : t("event.shownOlder", { shown }))}
      </p>
      {event.description && <p className="max-w-2xl">{event.description}</p>}
      <ChangeList changes={event.changes} />
      {(event.nextCursor || !event.isLatest) && (
        <nav aria-label={t("event.pages")} className="flex gap-4 text-sm">
          {!event.isLatest && (
            <Link href={href(`/events/${event.slug}`)} className="underline">
              {t("event.latest")}
            </Link>
          )}
          {event.nextCursor && (
            <Link href={href(`/events/${event.slug}?before=${encodeURIComponent(event.nextCursor)}`)} rel="next" className="underline">
              {t("event.older")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
