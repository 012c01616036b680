import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { adminNotices, outboxMails, subscribersForAdmins } from "@/lib/subscriptions/admin-queries";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Outbox" };
export const dynamic = "force-dynamic";

export default async function OutboxPage() {
  await requireUser("admin");
  const db = getDb();
  const [mails, notices, subscribers] = await Promise.all([outboxMails(db), adminNotices(db), subscribersForAdmins(db)]);
  const smtp = Boolean(env().SMTP_URL);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Outbox</h1>
      <p className="max-w-3xl text-slate-700">
        {smtp
          ? "Mails are sent through the SMTP server set in SMTP_URL. Mails written while none was set stay listed here."
          : "No SMTP server is set (SMTP_URL), so mails are not sent: they are kept here. Set SMTP_URL and MAIL_FROM to send them."}
      </p>
      {notices.length > 0 && (
        <section aria-labelledby="notices" className="space-y-2">
          <h2 id="notices" className="text-lg font-semibold">Notices</h2>
          <ul className="space-y-1">
            {notices.map((notice) => (
              <li key={notice.id} className="rounded border border-amber-300 bg-amber-50 p-2">
                <strong>Warning:</strong> {notice.message} <span className="text-sm text-slate-700">({formatDateTime(notice.createdAt)} UTC)</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="mails" className="space-y-2">
        <h2 id="mails" className="text-lg font-semibold">Mails ({mails.length})</h2>
        {mails.length === 0 ? (
          <p>No mail in the outbox.</p>
        ) : (
          <ul className="space-y-3">
            {mails.map((mail) => (
              <li key={mail.id} className="rounded-lg border border-slate-200 bg-white p-3">
                <details>
                  <summary className="cursor-pointer">
                    <strong>{mail.subject}</strong> to {mail.to} · {formatDateTime(mail.createdAt)} UTC
                  </summary>
                  <pre className="mt-2 whitespace-pre-wrap break-words text-sm">{mail.text}</pre>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="subscribers" className="space-y-2">
        <h2 id="subscribers" className="text-lg font-semibold">Subscribers ({subscribers.length})</h2>
        <p className="text-sm text-slate-700">Addresses are shown to admins only, and deleted when their owner unsubscribes.</p>
        <ul className="space-y-1 text-sm">
          {subscribers.map((subscriber) => (
            <li key={subscriber.id}>
              {subscriber.email}: {subscriber.subscriptions.map((s) => `${s.scopeKind} ${s.scopeValue} (${s.cadence}, ${s.state})`).join("; ") || "none"}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
