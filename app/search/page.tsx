import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MomentBanner, MomentProblem } from "@/components/moment-banner";
import { momentPageLinks } from "@/lib/history/page-links";
import { readPageMoment } from "@/lib/history/moment";
import { getLastUpdatedAsOf, getMissionPageAsOf } from "@/lib/history/page-reads";
import { filtersToSearchParams, parseMissionFiltersLeniently, type SearchParams } from "@/lib/missions/filters";
import { getLastUpdated, getMissionPage } from "@/lib/missions/queries";
import { AFTER_PARAM, MissionsView } from "../_components/missions-view";
import { getI18n } from "@/lib/i18n/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t("search.metaTitle") };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const filters = parseMissionFiltersLeniently(query);
  const after = typeof query[AFTER_PARAM] === "string" ? query[AFTER_PARAM] : undefined;
  // Missions of the whole world span zones: moments are shown in UTC here.
  const { moment, keep, problem, redirectQuery } = readPageMoment(query, "UTC");
  if (redirectQuery) redirect(`/search?${redirectQuery.toString()}`);
  const now = moment?.at ?? new Date();
  // At a moment, as today: a page and the scope's last update from the database (decision 044).
  const [page, lastUpdated] = moment
    ? await Promise.all([getMissionPageAsOf(filters, after, moment), getLastUpdatedAsOf({}, moment)])
    : await Promise.all([getMissionPage(filters, after, now), getLastUpdated({ all: true })]);
  const { t } = await getI18n();
  const links = momentPageLinks("/search", Object.fromEntries(filtersToSearchParams(filters)), moment);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{filters.q ? t("search.matching", { q: filters.q }) : t("search.all")}</h1>
      {problem && <MomentProblem problem={problem} />}
      {moment && <MomentBanner moment={moment} timeZone="UTC" nowHref={links.nowHref} switchKnownHref={links.switchKnownHref} />}
      <MissionsView
        keep={keep}
        now={now}
        page={page}
        pageNumberHint={after ? "later" : "first"}
        lastUpdated={lastUpdated}
        filters={filters}
        basePath="/search"
        columns={["sending", "host", "city", "type", "status", "since", "source", "verified"]}
        choices={{}}
        caption={t("search.caption")}
      />
    </div>
  );
}
