// Words for the end of a reported status as an editor chose it ("until 18:00, then the
// previous status") and for the entry the schedule writes when it ends. English unless a
// language is given: the admin and the API speak English (decision 040).
import { statusFilterOf } from "./schema";
import { capitalised, endedNoun, statusLabel } from "./wording";
import { i18nFor, type I18n } from "@/lib/i18n/translator";

const ENGLISH = i18nFor("en");

/** "then open", "then the previous status", "then not reported": a follows choice. */
export function followsPhrase(follows: string | null, i18n: I18n = ENGLISH): string {
  if (!follows || follows === "previous") return i18n.t("history.thenPrevious");
  const status = statusFilterOf(follows);
  return status === "unreported" ? i18n.t("history.thenNone") : i18n.t("history.thenStatus", { status: statusLabel(status, i18n).toLocaleLowerCase(i18n.locale) });
}

/**
 * The reason written on the history entry that ends a status by itself. It is stored in
 * English; a page shows it in the reader's language when the entry's reason is still this text.
 */
export function expiryReason(ended: string, follows: string, i18n: I18n = ENGLISH): string {
  const next = statusFilterOf(follows) === "unreported" ? i18n.t("history.expiryNoneNext") : i18n.t("history.expiryNext", { status: statusLabel(follows, i18n) });
  return i18n.t("history.expiryReason", { ended: capitalised(endedNoun(ended, i18n), i18n.locale), next });
}
