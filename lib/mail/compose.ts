// The mails Chancery sends, in plain text and HTML. Everything that comes from the database
// (reasons, source titles, mission names) is escaped in the HTML; source links are kept only
// when they are http(s). Times are in the host city's zone with UTC beside them.
import { escapeHtml, safeHttpUrl } from "@/lib/http/escape";
import type { ChangeFacts } from "@/lib/subscriptions/change-facts";
import { capitalised } from "@/lib/status/wording";
import { formatLocalAndUtc } from "@/lib/time";

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface SubscriberLinks {
  manageUrl: string;
  unsubscribeUrl: string;
}

/** RFC 2369 + RFC 8058: one-click unsubscribe that mail clients offer as a button. */
function listHeaders(links: SubscriberLinks): Record<string, string> {
  return { "List-Unsubscribe": `<${links.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "Auto-Submitted": "auto-generated" };
}

function changeLines(change: ChangeFacts): Array<[string, string]> {
  const zone = change.mission.timeZone;
  return [
    ["Status", `${change.wording.label} (${change.summary})`],
    ["Since", formatLocalAndUtc(change.since, zone)],
    ["Until", change.until ? `${formatLocalAndUtc(change.until, zone)}${change.wording.follows ? `, ${change.wording.follows}` : ""}` : "until further notice"],
    ["Reason", change.reason ?? "none given"],
    ["Source", change.source.url ? `${change.source.title ?? change.source.url} <${change.source.url}>` : (change.source.title ?? "none given")],
    ["Freshness", change.wording.freshness ? capitalised(change.wording.freshness) : "no status to confirm"],
  ];
}

const place = (change: ChangeFacts) => `${change.mission.city}, ${change.mission.hostName}`;

function changeText(change: ChangeFacts): string {
  const lines = changeLines(change).map(([label, value]) => `  ${`${label}:`.padEnd(11)}${value}`);
  return [`${change.mission.title} (${place(change)})`, ...lines, `  ${change.mission.url}`].join("\n");
}

function changeHtml(change: ChangeFacts): string {
  const sourceUrl = safeHttpUrl(change.source.url);
  const rows = changeLines(change).map(([label, value]) => {
    const cell =
      label === "Source" && sourceUrl ? `<a href="${escapeHtml(sourceUrl)}">${escapeHtml(change.source.title ?? sourceUrl)}</a>` : escapeHtml(value);
    return `<tr><th scope="row" align="left" style="padding:2px 12px 2px 0">${escapeHtml(label)}</th><td>${cell}</td></tr>`;
  });
  return [
    `<h2 style="font-size:18px;margin:16px 0 4px"><a href="${escapeHtml(change.mission.url)}">${escapeHtml(change.mission.title)}</a></h2>`,
    `<p style="margin:0 0 8px">${escapeHtml(place(change))}</p>`,
    `<table role="presentation">${rows.join("")}</table>`,
  ].join("\n");
}

function footerText(links: SubscriberLinks): string {
  return `--\nYou get this because you subscribed on Chancery.\nManage your subscriptions: ${links.manageUrl}\nUnsubscribe from everything: ${links.unsubscribeUrl}`;
}

function footerHtml(links: SubscriberLinks): string {
  return `<hr><p style="font-size:13px">You get this because you subscribed on Chancery. <a href="${escapeHtml(links.manageUrl)}">Manage your subscriptions</a> · <a href="${escapeHtml(links.unsubscribeUrl)}">Unsubscribe from everything</a></p>`;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;color:#111">${body}</body></html>`;

export function composeChangeMail(changes: ChangeFacts[], links: SubscriberLinks, { digest = false } = {}): ComposedMail {
  const first = changes[0]!;
  const subject = digest
    ? `Chancery daily digest: ${changes.length} status change${changes.length === 1 ? "" : "s"}`
    : changes.length === 1
      ? `${first.mission.title}: ${first.wording.label}`
      : `${changes.length} missions changed status (${first.wording.label}: ${first.mission.title} and others)`;
  const intro = digest ? "Status changes in the last day:" : changes.length === 1 ? "A mission you follow changed status:" : "Missions you follow changed status:";
  return {
    subject,
    text: [intro, "", changes.map(changeText).join("\n\n"), "", footerText(links)].join("\n"),
    html: page(subject, [`<p>${escapeHtml(intro)}</p>`, ...changes.map(changeHtml), footerHtml(links)].join("\n")),
    headers: listHeaders(links),
  };
}

export function composeConfirmMail(scopeLabel: string, confirmUrl: string, expiresInHours: number): ComposedMail {
  const subject = "Confirm your Chancery subscription";
  const text = [
    `Someone (hopefully you) asked to get mails from Chancery about: ${scopeLabel}.`,
    "",
    `To confirm, open this link within ${expiresInHours} hours:`,
    confirmUrl,
    "",
    "If it was not you, ignore this mail: nothing will be sent and the address is forgotten.",
  ].join("\n");
  const html = page(
    subject,
    `<p>Someone (hopefully you) asked to get mails from Chancery about: <strong>${escapeHtml(scopeLabel)}</strong>.</p><p><a href="${escapeHtml(confirmUrl)}">Confirm the subscription</a> (the link works for ${expiresInHours} hours).</p><p>If it was not you, ignore this mail: nothing will be sent and the address is forgotten.</p>`,
  );
  return { subject, text, html, headers: { "Auto-Submitted": "auto-generated" } };
}
