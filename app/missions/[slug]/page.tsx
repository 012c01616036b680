import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { MomentBanner, MomentProblem } from "@/components/moment-banner";
import { MomentForm } from "@/components/moment-form";
import { momentPageLinks } from "@/lib/history/page-links";
import { readPageMoment, type Moment } from "@/lib/history/moment";
import { getHistoryAsOf, getMissionRowsAsOf } from "@/lib/history/page-reads";
import { DataUpdated } from "@/components/data-updated";
import { CountryName } from "@/components/country-name";
import { DateTime } from "@/components/date-time";
import { SourceLink } from "@/components/source-link";
import { StatusBadge } from "@/components/status-badge";
import { StatusWithFreshness } from "@/components/status-with-freshness";
import { SubscribeForm } from "@/components/subscribe-form";
import { getMissionBySlug, type MissionDetail } from "@/lib/missions/queries";
import { countryNameInText } from "@/lib/countries/catalog";
import { missionTypeLabel } from "@/lib/missions/types";
import { followsPhrase } from "@/lib/status/ends";
import type { FreshnessPolicy } from "@/lib/status/freshness";
import { STATUS_LABELS, StatusSchema } from "@/lib/status/schema";
import { capitalised, describeChange, describeStatus } from "@/lib/status/wording";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The history page asked for: `?before=` a cursor from the previous page's "Older entries". */
async function historyPage(searchParams: Props["searchParams"]): Promise<{ before?: string }> {
  const { before } = await searchParams;
  return typeof before === "string" ? { before } : {};
}

function missionTitle(mission: MissionDetail) {
  return mission.name ?? `${missionTypeLabel(mission.type)} of ${countryNameInText(mission.sending.name)} in ${mission.city}`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const mission = await getMissionBySlug((await params).slug, new Date());
  return { title: mission ? missionTitle(mission) : "Mission not found" };
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1.5">
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

function safeWebsite(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

const hours = (value: number) => (value % 24 === 0 ? `${value / 24} ${value === 24 ? "day" : "days"}` : `${value} h`);

/** How long the current status counts as confirmed in this host country. */
function policyNote(status: string | null, policy: FreshnessPolicy, hostName: string): string | null {
  const parsed = StatusSchema.safeParse(status);
  if (!parsed.success) return null;
  const window = hours(policy.staleHours[parsed.data]);
  const crisis = policy.inCrisis ? `; ${hostName} is marked as in crisis` : "";
  return `${STATUS_LABELS[parsed.data]} statuses in ${hostName} count as confirmed for ${window} after a source confirms them${crisis}.`;
}

/** The mission as it stood at the moment: its status then, the history known by then (one page), nothing upcoming. */
async function asItStood(mission: MissionDetail, moment: Moment, before: string | undefined): Promise<MissionDetail> {
  const [[row], history] = await Promise.all([getMissionRowsAsOf({ missionId: mission.id }, moment), getHistoryAsOf(mission.id, moment, before)]);
  const standing = history.entries.find((change) => change.id === row?.entryId) ?? (await getHistoryAsOf(mission.id, moment)).entries[0];
  return {
    ...mission,
    status: row?.status ?? null,
    statusReason: row?.statusReason ?? null,
    sourceUrl: row?.sourceUrl ?? null,
    sourceTitle: row?.sourceTitle ?? null,
    statusSince: row?.statusSince ?? null,
    verifiedAt: row?.verifiedAt ?? null,
    statusUntil: row?.statusUntil ?? null,
    statusFollows: row?.statusFollows ?? null,
    expectedAfter: row?.expectedAfter ?? null,
    statusSetBy: standing?.authorName ?? null,
    freshness: row?.freshness ?? null,
    history: history.entries,
    olderHistory: history.nextCursor,
    isLatestHistory: !before,
    scheduledChanges: [],
  };
}

/** A history page's link, keeping the moment shown. */
function historyHref(slug: string, params: Record<string, string>) {
  const query = new URLSearchParams(params).toString();
  return `/missions/${slug}${query ? `?${query}` : ""}`;
}

export default async function MissionPage({ params, searchParams }: Props) {
  const slug = (await params).slug;
  const today = await getMissionBySlug(slug, new Date(), await historyPage(searchParams));
  if (!today) notFound();
  const { moment, keep, problem, redirectQuery } = readPageMoment(await searchParams, today.timeZone);
  if (redirectQuery) redirect(`/missions/${encodeURIComponent(today.slug)}?${redirectQuery.toString()}`);
  const now = moment?.at ?? new Date();
  const mission = moment ? await asItStood(today, moment, (await historyPage(searchParams)).before) : today;
  const basePath = `/missions/${encodeURIComponent(mission.slug)}`;
  const links = momentPageLinks(basePath, {}, moment, { host: mission.hostCode, city: mission.city });
  const wording = describeStatus(mission, now);
  const note = policyNote(mission.status, mission.policy, mission.host.name);
  const website = mission.website ? safeWebsite(mission.website) : null;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="underline">All countries</Link>
        {" / "}
        <Link href={`/countries/${mission.hostCode}`} className="underline">{mission.host.name}</Link>
        {" / "}
        <Link href={`/countries/${mission.hostCode}?city=${encodeURIComponent(mission.city)}`} className="underline">{mission.city}</Link>
      </nav>

      <header className="space-y-2">
        <h1 className="text-2xl font-bold">
          <CountryName code={mission.sendingCode} name={mission.sending.name} localName={missionTitle(mission)} />
        </h1>
        <p className="text-slate-700">
          {missionTypeLabel(mission.type)} of{" "}
          <Link href={`/senders/${mission.sendingCode}`} className="underline">{mission.sending.name}</Link> in {mission.city},{" "}
          <Link href={`/countries/${mission.hostCode}`} className="underline">{mission.host.name}</Link>
        </p>
      </header>

      {problem && <MomentProblem problem={problem} />}
      {moment && <MomentBanner moment={moment} timeZone={mission.timeZone} {...links} />}
      <MomentForm action={basePath} moment={moment} timeZone={mission.timeZone} keep={{}} zoneLabel={mission.city} />

      <section aria-labelledby="current" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="current" className="text-lg font-semibold">{moment ? "Status at that moment" : "Current status"}</h2>
        <StatusWithFreshness facts={mission} now={now} size="lg" />
        <DataUpdated missions={[mission]} />
        <dl>
          {mission.statusSince && (
            <Detail label="Since"><DateTime value={mission.statusSince} timeZone={mission.timeZone} /></Detail>
          )}
          {mission.status && mission.statusUntil && (
            <Detail label="Until">
              <DateTime value={mission.statusUntil} timeZone={mission.timeZone} />
              {wording.follows && <span className="block text-slate-700">{capitalised(wording.follows)}</span>}
            </Detail>
          )}
          {mission.statusReason && <Detail label="Reason">{mission.statusReason}</Detail>}
          {mission.status && (
            <Detail label="Source"><SourceLink url={mission.sourceUrl} title={mission.sourceTitle} /></Detail>
          )}
          <Detail label="Last verified">
            {mission.verifiedAt ? (
              <>
                <DateTime value={mission.verifiedAt} timeZone={mission.timeZone} /> (<DateTime value={mission.verifiedAt} variant="age" />)
              </>
            ) : mission.status || mission.expectedAfter ? (
              "No source has confirmed this status"
            ) : (
              "Not yet reported"
            )}
            {note && <span className="block text-sm text-slate-600">{note}</span>}
          </Detail>
          {mission.statusSetBy && <Detail label="Reported by">{mission.statusSetBy}</Detail>}
        </dl>
      </section>

      <SubscribeForm scope={{ "scope.kind": "mission", "scope.missionId": String(mission.id) }} label="this mission" />

      {mission.scheduledChanges.length > 0 && (
        <section aria-labelledby="upcoming" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="upcoming" className="text-lg font-semibold">Upcoming</h2>
          <ul className="space-y-3">
            {mission.scheduledChanges.map((change) => (
              <li key={change.id} className="space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={change.status} />
                  <span>
                    from <DateTime value={change.effectiveAt} timeZone={mission.timeZone} />
                    {change.until && (
                      <>
                        {" "}until <DateTime value={change.until} timeZone={mission.timeZone} />, {followsPhrase(change.follows)}
                      </>
                    )}
                  </span>
                </p>
                {change.reason && <p>{change.reason}</p>}
                <p className="text-sm text-slate-600">
                  Announced by: <SourceLink url={change.sourceUrl} title={change.sourceTitle} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="about" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="about" className="mb-2 text-lg font-semibold">About this mission</h2>
        <dl>
          {mission.address && <Detail label="Address">{mission.address}</Detail>}
          {mission.phone && <Detail label="Phone"><a href={`tel:${mission.phone.replace(/[^+\d]/g, "")}`} className="underline">{mission.phone}</a></Detail>}
          {mission.email && <Detail label="Email"><a href={`mailto:${mission.email}`} className="underline">{mission.email}</a></Detail>}
          {website && (
            <Detail label="Website"><a href={website} rel="noopener noreferrer nofollow" className="underline">{mission.website}</a></Detail>
          )}
          {mission.latitude !== null && mission.longitude !== null && (
            <Detail label="Coordinates">{mission.latitude.toFixed(5)}, {mission.longitude.toFixed(5)}</Detail>
          )}
          <Detail label="Time zone">{mission.timeZone}</Detail>
          {mission.wikidataId && (
            <Detail label="Wikidata">
              <a href={`https://www.wikidata.org/wiki/${mission.wikidataId}`} rel="noopener noreferrer" className="underline">{mission.wikidataId}</a>
            </Detail>
          )}
        </dl>
      </section>

      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-lg font-semibold">History</h2>
        {mission.history.length === 0 ? (
          <p className="text-slate-600">No status has been reported for this mission yet.</p>
        ) : (
          <ol className="relative space-y-4 border-l-2 border-slate-300 pl-6">
            {mission.history.map((change) => (
              <li key={change.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <p className="flex flex-wrap items-center gap-2">
                  {change.kind === "verify" ? (
                    <>
                      <StatusBadge status={change.newStatus} /> <span>confirmed</span>
                    </>
                  ) : change.kind !== "change" ? (
                    <>
                      {change.previousStatus && <StatusBadge status={change.previousStatus} />}
                      {change.previousStatus && <span aria-label="changed to">→</span>}
                      <StatusBadge status={change.newStatus} unconfirmed={change.kind === "expiry"} />
                      <span>{capitalised(describeChange(change))}</span>
                    </>
                  ) : (
                    <>
                      {change.previousStatus ? <StatusBadge status={change.previousStatus} /> : <span>First report:</span>}
                      {change.previousStatus && <span aria-label="changed to">→</span>}
                      <StatusBadge status={change.newStatus} />
                    </>
                  )}
                  <span className="text-sm text-slate-600">
                    effective <DateTime value={change.effectiveAt} timeZone={mission.timeZone} />
                  </span>
                </p>
                {change.until && (
                  <p className="mt-1 text-sm">
                    Until <DateTime value={change.until} timeZone={mission.timeZone} />, {followsPhrase(change.follows)}
                  </p>
                )}
                {change.reason && <p className="mt-2">{change.reason}</p>}
                <p className="mt-2 text-sm text-slate-600">
                  Source: <SourceLink url={change.sourceUrl} title={change.sourceTitle} />
                </p>
                <p className="mt-1 text-sm text-slate-600">
                  Recorded <DateTime value={change.recordedAt} variant="local" /> by {change.authorName}
                  {change.event && (
                    <>
                      {" · Event: "}
                      <Link href={`/events/${change.event.slug}`} className="underline">{change.event.name}</Link>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ol>
        )}
        {(mission.olderHistory || !mission.isLatestHistory) && (
          <nav aria-label="History pages" className="flex gap-4 text-sm">
            {!mission.isLatestHistory && <Link href={historyHref(mission.slug, keep)} className="underline">Newest entries</Link>}
            {mission.olderHistory && (
              <Link href={historyHref(mission.slug, { ...keep, before: mission.olderHistory })} className="underline">Older entries</Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
