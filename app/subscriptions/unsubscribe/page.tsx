import type { Metadata } from "next";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

interface Props {
  searchParams: Promise<{ token?: string; done?: string }>;
}

export default async function UnsubscribePage({ searchParams }: Props) {
  const { token = "", done } = await searchParams;
  if (done) {
    return (
      <div className="max-w-2xl space-y-3">
        <h1 className="text-2xl font-bold">You are unsubscribed</h1>
        <p role="status">No more mails will be sent, and your address has been deleted.</p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl space-y-3">
      <h1 className="text-2xl font-bold">Unsubscribe</h1>
      <p>This ends every subscription of this address and deletes it.</p>
      <form method="post" action={`/api/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white">Unsubscribe</button>
      </form>
    </div>
  );
}
