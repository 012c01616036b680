import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DateTime } from "@/components/date-time";
import { getEventBySlug } from "@/lib/missions/queries";
import type { SearchParams } from "@/lib/missions/filters";
import { ChangeList } from "../../_components/change-list";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

const beforeOf = async (searchParams: Promise<SearchParams>) => {
  const { before } = await searchParams;
  return typeof before === "string" ? before : undefined;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await getEventBySlug((await params).slug, new Date());
  return { title: event?.name ?? "Event not found" };
}

export default async function EventPage({ params, searchParams }: Props) {
  const slug = (await params).slug;
  const event = await getEventBySlug(slug, new Date(), { before: await beforeOf(searchParams) });
  if (!event) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{event.name}</h1>
      <p className="text-slate-700">
        <DateTime value={event.occurredAt} /> · {event.total} status reports{event.total > event.changes.length && `, ${event.isLatest ? "the latest" : "older ones"} ${event.changes.length} shown`}
      </p>
      {event.description && <p className="max-w-2xl">{event.description}</p>}
      <ChangeList changes={event.changes} />
      {(event.nextCursor || !event.isLatest) && (
        <nav aria-label="Pages of reports" className="flex gap-4 text-sm">
          {!event.isLatest && (
            <Link href={`/events/${event.slug}`} className="underline">
              Latest reports
            </Link>
          )}
          {event.nextCursor && (
            <Link href={`/events/${event.slug}?before=${encodeURIComponent(event.nextCursor)}`} rel="next" className="underline">
              Older reports
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
