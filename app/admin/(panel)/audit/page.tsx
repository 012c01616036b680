import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getAuditEntries } from "@/lib/missions/admin-queries";
import { DatabaseIdSchema } from "@/lib/input/id";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 100;

function Json({ value }: { value: string | null }) {
  if (!value) return <span className="text-slate-500">—</span>;
  let pretty = value;
  try {
    pretty = JSON.stringify(JSON.parse(value), null, 1);
  } catch {
    // shown as stored
  }
  return (
    <details>
      <summary className="cursor-pointer">show</summary>
      <pre className="max-w-md overflow-x-auto whitespace-pre-wrap text-xs">{pretty}</pre>
    </details>
  );
}

/** Append-only and read-only: the UI offers no way to change or delete an entry. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await requireUser();
  const before = DatabaseIdSchema.safeParse(Number((await searchParams).before)).data;
  const entries = await getAuditEntries(getDb(), user, { before, limit: PAGE_SIZE });
  const last = entries.at(-1);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="text-sm text-slate-600">
        Every write: who, when, what it was before and after. Entries cannot be edited or deleted.
        {user.role !== "admin" && " You see the entries of the missions you may edit."}
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit entries, newest first</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-2">When (UTC)</th>
              <th scope="col" className="p-2">Who</th>
              <th scope="col" className="p-2">Action</th>
              <th scope="col" className="p-2">Entity</th>
              <th scope="col" className="p-2">Before</th>
              <th scope="col" className="p-2">After</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} className="border-t border-slate-200 align-top">
                <td className="whitespace-nowrap p-2"><DateTime value={entry.at} variant="local" /></td>
                <td className="p-2">{entry.actorName}</td>
                <td className="p-2 font-mono">{entry.action}</td>
                <td className="p-2">
                  {entry.entityType === "mission" ? <Link href={`/admin/missions/${entry.entityId}`} className="underline">mission {entry.entityId}</Link> : `${entry.entityType} ${entry.entityId}`}
                </td>
                <td className="p-2"><Json value={entry.before} /></td>
                <td className="p-2"><Json value={entry.after} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {entries.length === PAGE_SIZE && last && <Link href={`/admin/audit?before=${last.id}`} className="underline">Older entries</Link>}
    </div>
  );
}
