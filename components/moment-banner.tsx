import Link from "next/link";
import type { Moment } from "@/lib/history/moment";
import { formatDateTime, formatLocalAndUtc } from "@/lib/time";

/**
 * Says which moment a past view shows (host-city time and UTC), how it was replayed, and links
 * to today's view; `nowHref` is the same page without the moment.
 */
export function MomentBanner({
  moment,
  timeZone,
  nowHref,
  switchKnownHref,
  changesHref,
}: {
  moment: Moment;
  timeZone: string;
  nowHref: string;
  switchKnownHref?: string;
  changesHref?: string;
}) {
  const local = timeZone === "UTC" ? `${formatDateTime(moment.at, "UTC")} UTC` : formatLocalAndUtc(moment.at, timeZone);
  return (
    <section aria-label="Moment shown" className="space-y-1 rounded-lg border-2 border-amber-500 bg-amber-50 p-3 text-amber-950" data-testid="moment-banner">
      <p>
        <strong>A past view:</strong> as it stood at{" "}
        <time dateTime={moment.at.toISOString()} className="font-semibold">{local}</time>
        {moment.known === "then" ? ", exactly as the public was shown it then (later corrections left out)." : ", as known now (including later corrections)."}
      </p>
      <p className="flex flex-wrap gap-x-4 text-sm">
        <Link href={nowHref} className="font-medium underline">See today&apos;s statuses</Link>
        {switchKnownHref && (
          <Link href={switchKnownHref} className="underline">
            {moment.known === "then" ? "Include later corrections" : "Show it as the public saw it then"}
          </Link>
        )}
        {changesHref && <Link href={changesHref} className="underline">What changed since then</Link>}
      </p>
    </section>
  );
}

export function MomentProblem({ problem }: { problem: string }) {
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
      The moment asked for could not be shown ({problem}); showing today&apos;s statuses.
    </p>
  );
}
