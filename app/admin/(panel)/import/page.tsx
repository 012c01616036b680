import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { IMPORT_MAX_BYTES } from "@/lib/import/limits";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  await requireUser("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Import missions</h1>
      <p className="text-sm text-slate-700">
        A Wikidata export of database-of-embassies (CSV separated by &quot;;&quot;) or a Chancery export (JSON,{" "}
        <code>chancery/missions@1</code>), at most {IMPORT_MAX_BYTES / 1024 / 1024} MB. Missions are matched by Wikidata id, else by
        sending country, host country, city and type; importing the same file again changes nothing. Statuses are not imported.
      </p>
      <ImportForm />
    </div>
  );
}
