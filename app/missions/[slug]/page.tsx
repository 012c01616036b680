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
import { ReasonText } from "@/components/reason-text";
import { getMissionBySlug, type MissionDetail } from "@/lib/missions/queries";
import { expiryReason, followsPhrase } from "@/lib/status/ends";
import type { FreshnessPolicy } from "@/lib/status/freshness";
import { StatusSchema } from "@/lib/status/schema";
import { capitalised, describeChange, describeStatus, missionTypeIn, statusLabel } from "@/lib/status/wording";
import { getI18n, type RequestI18n } from "@/lib/i18n/request";
import { getReasonVersions } from "@/lib/i18n/reason-queries";
import { reasonKey } from "@/lib/i18n/reason-key";
import type { ReasonVersions } from "@/lib/i18n/reason-text";
import { cityNameIn } from "@/lib/i18n/city-names";
import { countryNameIn } from "@/lib/i18n/country-names";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The history page asked for: `?before=` a cursor from the previous page's "Older entries". */
async function historyPage(searchParams: Props["searchParams"]): Promise<{ before?: string }> {
  const { before } = await searchParams;
  return typeof before === "string" ? { before } : {};
}

/** The mission's own name (as imported), else "Embassy of Germany in Kyiv" in the reader's language. */
function missionTitle(mission: MissionDetail, i18n: RequestI18n) {
  return mission.name ?? i18n.t("mission.title", { type: missionTypeIn(mission.type, i18n), sending: countryNameIn(mission.sendingCode, i18n.locale, mission.sending.name), city: cityNameIn(mission.city, i18n.locale) });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [mission, i18n] = await Promise.all([getMissionBySlug((await params).slug, new Date()), getI18n()]);
  return { title: mission ? missionTitle(mission, i18n) : i18n.t("mission.notFound") };
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1.5">
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

const COORDINATE = { minimumFractionDigits: 5, maximumFractionDigits: 5 } as const;

function safeWebsite(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** How long the current status counts as confirmed in this host country. */
function policyNote(status: string | null, policy: FreshnessPolicy, hostName: string, i18n: RequestI18n): string | null {
  const parsed = StatusSchema.safeParse(status);
  if (!parsed.success) return null;
  const hours = policy.staleHours[parsed.data];
  const window = hours % 24 === 0 ? i18n.t("mission.windowDays", { days: hours / 24 }) : i18n.t("mission.windowHours", { hours });
  return i18n.t("mission.policy", { status: statusLabel(parsed.data, i18n), host: hostName, window, crisis: policy.inCrisis ? "yes" : "no" });
}

/** An entry's reason as shown: the one the schedule writes reads in the reader's language. */
function historyReason(change: MissionDetail["history"][number], i18n: RequestI18n): string | null {
  if (change.kind === "expiry" && change.reason === expiryReason(change.previousStatus ?? "unreported", change.newStatus ?? "unreported")) {
    return expiryReason(change.previousStatus ?? "unreported", change.newStatus ?? "unreported", i18n);
  }
  return null;
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
  const i18n = await getI18n();
  const { t, locale, href } = i18n;
  const wording = describeStatus(mission, now, i18n);
  const hostName = countryNameIn(mission.hostCode, locale, mission.host.name);
  const sendingName = countryNameIn(mission.sendingCode, locale, mission.sending.name);
  const cityName = cityNameIn(mission.city, locale);
  const note = policyNote(mission.status, mission.policy, hostName, i18n);
  const website = mission.website ? safeWebsite(mission.website) : null;
  // One query for every reason on the page: the current one, the announced ones and the history's.
  const reasons = await getReasonVersions(
    [mission.statusReason, ...mission.scheduledChanges.map((change) => change.reason), ...mission.history.map((change) => change.reason)].map((statusReason) => ({ id: mission.id, statusReason })),
    moment,
  );
  const versionsOf = (reason: string): ReasonVersions | undefined => reasons.get(reasonKey(mission.id, reason));
  const badge = (status: string | null, unconfirmed = false) => <StatusBadge status={status} label={statusLabel(status, i18n)} unconfirmed={unconfirmed} />;
  const sourceLabels = { noSource: t("table.noSource"), newTab: t("table.newTab") };
  const date = (value: Date, variant?: "local" | "age") => <DateTime value={value} timeZone={variant === "local" ? "UTC" : mission.timeZone} variant={variant} locale={locale} />;
  return (
    <div className="space-y-6">
      <nav aria-label={t("layout.breadcrumb")} className="text-sm">
        <Link href={href("/")} className="underline">{t("host.allCountries")}</Link>
        {" / "}
        <Link href={href(`/countries/${mission.hostCode}`)} className="underline">{hostName}</Link>
        {" / "}
        <Link href={href(`/countries/${mission.hostCode}?city=${encodeURIComponent(mission.city)}`)} className="underline">{cityName}</Link>
      </nav>

      <header className="space-y-2">
        <h1 className="text-2xl font-bold">
          <CountryName code={mission.sendingCode} name={mission.sending.name} localName={missionTitle(mission, i18n)} />
        </h1>
        <p className="text-slate-700">
          {t.rich("mission.intro", {
            type: missionTypeIn(mission.type, i18n),
            city: cityName,
            sending: () => <Link href={href(`/senders/${mission.sendingCode}`)} className="underline">{sendingName}</Link>,
            host: () => <Link href={href(`/countries/${mission.hostCode}`)} className="underline">{hostName}</Link>,
          })}
        </p>
      </header>

      {problem && <MomentProblem problem={problem} />}
      {moment && <MomentBanner moment={moment} timeZone={mission.timeZone} {...links} />}
      <MomentForm action={basePath} moment={moment} timeZone={mission.timeZone} keep={{}} zoneLabel={cityName} />

      <section aria-labelledby="current" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="current" className="text-lg font-semibold">{moment ? t("mission.atMoment") : t("mission.current")}</h2>
        <StatusWithFreshness facts={mission} now={now} size="lg" />
        <DataUpdated missions={[mission]} />
        <dl>
          {mission.statusSince && <Detail label={t("table.since")}>{date(mission.statusSince)}</Detail>}
          {mission.status && mission.statusUntil && (
            <Detail label={t("mission.until")}>
              {date(mission.statusUntil)}
              {wording.follows && <span className="block text-slate-700">{capitalised(wording.follows, locale)}</span>}
            </Detail>
          )}
          {mission.statusReason && (
            <Detail label={t("table.reason")}>
              <ReasonText reason={mission.statusReason} versions={versionsOf(mission.statusReason)} />
            </Detail>
          )}
          {mission.status && (
            <Detail label={t("table.source")}><SourceLink url={mission.sourceUrl} title={mission.sourceTitle} labels={sourceLabels} /></Detail>
          )}
          <Detail label={t("table.verified")}>
            {mission.verifiedAt ? (
              <>
                {date(mission.verifiedAt)} ({date(mission.verifiedAt, "age")})
              </>
            ) : mission.status || mission.expectedAfter ? (
              t("mission.noSourceConfirmed")
            ) : (
              t("mission.notReported")
            )}
            {note && <span className="block text-sm text-slate-600">{note}</span>}
          </Detail>
          {mission.statusSetBy && <Detail label={t("mission.reportedBy")}>{mission.statusSetBy}</Detail>}
        </dl>
      </section>

      <SubscribeForm scope={{ "scope.kind": "mission", "scope.missionId": String(mission.id) }} label={t("mission.follow")} />

      {mission.scheduledChanges.length > 0 && (
        <section aria-labelledby="upcoming" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="upcoming" className="text-lg font-semibold">{t("mission.upcoming")}</h2>
          <ul className="space-y-3">
            {mission.scheduledChanges.map((change) => (
              <li key={change.id} className="space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  {badge(change.status)}
                  <span>
                    {t.rich("mission.upcomingFrom", { from: () => date(change.effectiveAt) })}
                    {change.until && <> {t.rich("mission.upcomingUntil", { until: () => date(change.until!), follows: followsPhrase(change.follows, i18n) })}</>}
                  </span>
                </p>
                {change.reason && <p><ReasonText reason={change.reason} versions={versionsOf(change.reason)} /></p>}
                <p className="text-sm text-slate-600">
                  {t("mission.announcedBy")} <SourceLink url={change.sourceUrl} title={change.sourceTitle} labels={sourceLabels} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="about" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="about" className="mb-2 text-lg font-semibold">{t("mission.about")}</h2>
        <dl>
          {mission.address && <Detail label={t("mission.address")}>{mission.address}</Detail>}
          {mission.phone && <Detail label={t("mission.phone")}><a href={`tel:${mission.phone.replace(/[^+\d]/g, "")}`} className="underline" dir="ltr">{mission.phone}</a></Detail>}
          {mission.email && <Detail label={t("mission.email")}><a href={`mailto:${mission.email}`} className="underline">{mission.email}</a></Detail>}
          {website && (
            <Detail label={t("mission.website")}><a href={website} rel="noopener noreferrer nofollow" className="underline">{mission.website}</a></Detail>
          )}
          {mission.latitude !== null && mission.longitude !== null && (
            <Detail label={t("mission.coordinates")}>{i18n.format.number(mission.latitude, COORDINATE)}, {i18n.format.number(mission.longitude, COORDINATE)}</Detail>
          )}
          <Detail label={t("mission.timeZone")}>{mission.timeZone}</Detail>
          {mission.wikidataId && (
            <Detail label={t("mission.wikidata")}>
              <a href={`https://www.wikidata.org/wiki/${mission.wikidataId}`} rel="noopener noreferrer" className="underline">{mission.wikidataId}</a>
            </Detail>
          )}
        </dl>
      </section>

      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-lg font-semibold">{t("mission.history")}</h2>
        {mission.history.length === 0 ? (
          <p className="text-slate-600">{t("mission.noHistory")}</p>
        ) : (
          <ol className="relative space-y-4 border-s-2 border-slate-300 ps-6">
            {mission.history.map((change) => {
              const translatedReason = historyReason(change, i18n);
              return (
                <li key={change.id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <p className="flex flex-wrap items-center gap-2">
                    {change.kind === "verify" ? (
                      <>
                        {badge(change.newStatus)} <span>{t("history.confirmed")}</span>
                      </>
                    ) : change.kind !== "change" ? (
                      <>
                        {change.previousStatus && badge(change.previousStatus)}
                        {change.previousStatus && <span aria-label={t("history.changedTo")}>→</span>}
                        {badge(change.newStatus, change.kind === "expiry")}
                        <span>{capitalised(describeChange(change, i18n), locale)}</span>
                      </>
                    ) : (
                      <>
                        {change.previousStatus ? badge(change.previousStatus) : <span>{t("history.firstReport")}</span>}
                        {change.previousStatus && <span aria-label={t("history.changedTo")}>→</span>}
                        {badge(change.newStatus)}
                      </>
                    )}
                    <span className="text-sm text-slate-600">{t.rich("history.effective", { at: () => date(change.effectiveAt) })}</span>
                  </p>
                  {change.until && (
                    <p className="mt-1 text-sm">{t.rich("history.until", { until: () => date(change.until!), follows: followsPhrase(change.follows, i18n) })}</p>
                  )}
                  {change.reason && (
                    <p className="mt-2">{translatedReason ?? <ReasonText reason={change.reason} versions={versionsOf(change.reason)} />}</p>
                  )}
                  <p className="mt-2 text-sm text-slate-600">
                    {t("history.source")} <SourceLink url={change.sourceUrl} title={change.sourceTitle} labels={sourceLabels} />
                  </p>
                  <p className="mt-1 text-sm text-slate-600">
                    {t.rich("history.recorded", { at: () => date(change.recordedAt, "local"), author: change.authorName })}
                    {change.event && (
                      <>
                        {" · "}
                        {t.rich("history.event", { event: () => <Link href={href(`/events/${change.event!.slug}`)} className="underline">{change.event!.name}</Link> })}
                      </>
                    )}
                  </p>
                </li>
              );
            })}
          </ol>
        )}
        {(mission.olderHistory || !mission.isLatestHistory) && (
          <nav aria-label={t("history.pages")} className="flex gap-4 text-sm">
            {!mission.isLatestHistory && <Link href={href(historyHref(mission.slug, keep))} className="underline">{t("history.newest")}</Link>}
            {mission.olderHistory && (
              <Link href={href(historyHref(mission.slug, { ...keep, before: mission.olderHistory }))} className="underline">{t("history.older")}</Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
