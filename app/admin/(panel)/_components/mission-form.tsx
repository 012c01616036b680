"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, fieldErrorsOf, type FieldError } from "@/lib/admin/api-client";
import { useCreateMission, useUpdateMission } from "@/lib/admin/mission";
import { MissionCreateSchema, type MissionFields } from "@/lib/missions/schema";
import { MISSION_TYPES, MISSION_TYPE_LABELS } from "@/lib/missions/types";
import { FormErrors } from "./form-errors";
import { fieldClass } from "../../_components/form-fields";


const TEXT_FIELDS: Array<{ name: keyof MissionFields; label: string; type?: string }> = [
  { name: "name", label: "Name (optional)" },
  { name: "address", label: "Address" },
  { name: "phone", label: "Phone" },
  { name: "email", label: "Email", type: "email" },
  { name: "website", label: "Website", type: "url" },
  { name: "wikidataId", label: "Wikidata id (Q…)" },
  { name: "timeZone", label: "Time zone (empty: from the coordinates)" },
];

type Existing = Partial<Record<keyof MissionFields, string | number | null>> & { id?: number };

/** Create (no mission) or edit a mission's details; the same schema is checked on the server. */
export function MissionForm({ mission, countries }: { mission?: Existing; countries: Array<{ code: string; name: string }> }) {
  const router = useRouter();
  const createMission = useCreateMission();
  const updateMission = useUpdateMission();
  const [errors, setErrors] = useState<{ message?: string; fields?: FieldError[] } | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim() || null;
    const number = (name: string) => (text(name) === null ? null : Number(text(name)));
    const parsed = MissionCreateSchema.safeParse({
      sendingCode: text("sendingCode"),
      hostCode: text("hostCode"),
      city: text("city"),
      type: text("type"),
      latitude: number("latitude"),
      longitude: number("longitude"),
      ...Object.fromEntries(TEXT_FIELDS.map(({ name }) => [name, text(name)])),
    });
    if (!parsed.success) return setErrors({ fields: fieldErrorsOf(parsed.error) });
    setPending(true);
    setErrors(null);
    try {
      if (mission?.id) {
        await updateMission.mutateAsync({ id: mission.id, input: parsed.data });
        setSaved(true);
      } else {
        const { mission: created } = await createMission.mutateAsync(parsed.data);
        router.push(`/admin/missions/${created.id}`);
      }
    } catch (caught) {
      setErrors(caught instanceof ApiError ? { message: caught.message, fields: caught.fields } : { message: "Could not save." });
    } finally {
      setPending(false);
    }
  }

  const value = (name: keyof MissionFields) => (mission?.[name] ?? "") as string | number;
  return (
    <form onSubmit={submit} aria-label={mission?.id ? "Edit mission" : "New mission"} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2" noValidate>
      {(["sendingCode", "hostCode"] as const).map((name) => (
        <label key={name} className="text-sm font-medium">
          {name === "sendingCode" ? "Sending country" : "Host country"}
          <select name={name} defaultValue={value(name)} required className={fieldClass}>
            <option value="">Choose…</option>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>{country.name} ({country.code})</option>
            ))}
          </select>
        </label>
      ))}
      <label className="text-sm font-medium">
        City
        <input name="city" defaultValue={value("city")} required maxLength={100} className={fieldClass} />
      </label>
      <label className="text-sm font-medium">
        Type
        <select name="type" defaultValue={value("type") || "embassy"} className={fieldClass}>
          {MISSION_TYPES.map((type) => (
            <option key={type} value={type}>{MISSION_TYPE_LABELS[type]}</option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Latitude
        <input name="latitude" type="number" step="any" defaultValue={value("latitude")} className={fieldClass} />
      </label>
      <label className="text-sm font-medium">
        Longitude
        <input name="longitude" type="number" step="any" defaultValue={value("longitude")} className={fieldClass} />
      </label>
      {TEXT_FIELDS.map(({ name, label, type }) => (
        <label key={name} className="text-sm font-medium">
          {label}
          <input name={name} type={type ?? "text"} defaultValue={value(name)} className={fieldClass} />
        </label>
      ))}
      <div className="space-y-2 sm:col-span-2">
        <FormErrors message={errors?.message} fields={errors?.fields} />
        {saved && <p role="status" className="text-sm text-green-800">Saved.</p>}
        <button type="submit" disabled={pending} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {mission?.id ? "Save changes" : "Create mission"}
        </button>
      </div>
    </form>
  );
}
