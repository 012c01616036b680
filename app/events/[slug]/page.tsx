import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DateTime } from "@/components/date-time";
import { getEventBySlug } from "@/lib/missions/queries";
import { ChangeList } from "../../_components/change-list";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await getEventBySlug((await params).slug, new Date());
  return { title: event?.name ?? "Event not found" };
}

export default async function EventPage({ params }: Props) {
  const event = await getEventBySlug((await params).slug, new Date());
  if (!event) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{event.name}</h1>
      <p className="text-slate-700">
        <DateTime value={event.occurredAt} /> · {event.changes.length} status reports
      </p>
      {event.description && <p className="max-w-2xl">{event.description}</p>}
      <ChangeList changes={event.changes} />
    </div>
  );
}
