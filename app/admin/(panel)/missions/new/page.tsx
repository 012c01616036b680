import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { ALL_COUNTRIES } from "@/lib/countries/catalog";
import { MissionForm } from "../../_components/mission-form";

export const metadata: Metadata = { title: "New mission" };

export default async function NewMissionPage() {
  await requireUser();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">New mission</h1>
      <MissionForm countries={ALL_COUNTRIES.map(({ code, name }) => ({ code, name }))} />
    </div>
  );
}
