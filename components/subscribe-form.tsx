// "Get a mail when this changes": a plain form (no JavaScript), on every public page that
// names something one can follow. The answer is the same page whatever the address's state.
import { useI18n } from "@/lib/i18n/request";

interface Props {
  /** Hidden fields naming the scope, e.g. { "scope.kind": "mission", "scope.missionId": "12" } */
  scope: Record<string, string>;
  /** What is followed, in words: "this mission", "all missions of Germany" */
  label: string;
}

export function SubscribeForm({ scope, label }: Props) {
  const { t } = useI18n();
  const id = `subscribe-${Object.values(scope).join("-").replace(/[^a-zA-Z0-9-]/g, "")}`;
  return (
    <section aria-labelledby={id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">{t("subscribe.heading", { what: label })}</h2>
      <form method="post" action="/api/subscriptions" className="flex flex-wrap items-end gap-3">
        {Object.entries(scope).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label className="block text-sm font-medium">
          {t("subscribe.email")}
          <input name="email" type="email" required autoComplete="email" className="mt-1 block w-72 max-w-full rounded border border-slate-400 px-2 py-1" />
        </label>
        <fieldset className="text-sm">
          <legend className="font-medium">{t("subscribe.cadence")}</legend>
          <label className="mr-3">
            <input type="radio" name="cadence" value="immediate" defaultChecked /> {t("subscribe.immediate")}
          </label>
          <label>
            <input type="radio" name="cadence" value="digest" /> {t("subscribe.digest")}
          </label>
        </fieldset>
        <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white">{t("subscribe.submit")}</button>
      </form>
      <p className="text-sm text-slate-600">{t("subscribe.note")}</p>
    </section>
  );
}
