"use client";
// Decision 034: an editor names the language the current reason was written in, or adds its
// text in another language. The original is never replaced.
import { useState } from "react";
import { ApiError } from "@/lib/admin/api-client";
import { useAddReasonText, type ReasonTextInput } from "@/lib/admin/reason-texts";

export function ReasonTranslationForm({ missionId, reason }: { missionId: number; reason: string }) {
  const addReasonText = useAddReasonText();
  const [message, setMessage] = useState<string | null>(null);
  async function submit(form: FormData) {
    const language = String(form.get("language") ?? "");
    const input: ReasonTextInput = form.get("kind") === "original" ? { language, original: true } : { language, original: false, text: String(form.get("text") ?? "") };
    try {
      await addReasonText.mutateAsync({ missionId, input });
      setMessage("Saved.");
    } catch (caught) {
      setMessage(caught instanceof ApiError ? caught.message : "Could not save the translation.");
    }
  }
  return (
    <section aria-labelledby="reason-languages" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="reason-languages" className="text-lg font-semibold">Reason in other languages</h2>
      <p className="text-sm text-slate-700">Current reason: <q>{reason}</q></p>
      <form action={submit} className="grid gap-2 sm:grid-cols-2">
        <label className="text-sm font-medium">
          Language code
          <input name="language" required pattern="[a-z]{2,3}" placeholder="uk" className="mt-1 block w-24 rounded border border-slate-400 px-2 py-1" />
        </label>
        <fieldset className="text-sm">
          <legend className="font-medium">This is</legend>
          <label className="me-3"><input type="radio" name="kind" value="translation" defaultChecked /> a translation</label>
          <label><input type="radio" name="kind" value="original" /> the language the reason was written in</label>
        </fieldset>
        <label className="text-sm font-medium sm:col-span-2">
          Translated text
          <textarea name="text" rows={2} maxLength={500} className="mt-1 block w-full rounded border border-slate-400 px-2 py-1" />
        </label>
        <div className="flex items-center gap-3">
          <button type="submit" className="rounded bg-slate-900 px-3 py-1 text-white">Save</button>
          <p role="status" className="text-sm text-slate-700">{message}</p>
        </div>
      </form>
    </section>
  );
}
