import type { Metadata } from "next";
import { SUBSCRIBE_ANSWER } from "@/lib/subscriptions/answer";

export const metadata: Metadata = { title: "Check your mail" };

export default function SentPage() {
  return (
    <div className="max-w-2xl space-y-3">
      <h1 className="text-2xl font-bold">Check your mail</h1>
      <p>{SUBSCRIBE_ANSWER.message} Open it to confirm the subscription; until then nothing is sent.</p>
    </div>
  );
}
