"use client";
// Every host country in one compact table. A client component on purpose: its props (one short
// tuple per country) are what Next's inline payload carries, not a second copy of the markup,
// which keeps the home page under 50 KB with the whole world imported (decision 017).
import { STATUS_FILTERS, STATUS_LABELS } from "@/lib/status/schema";

/** [code, name, missions, open, limited, closed, unreported] */
export type HostRow = [string, string, number, number, number, number, number];

/** `query` (a moment, for a past view) is kept on every link. */
export function HostTable({ rows, query }: { rows: HostRow[]; query?: string }) {
  return (
    <table className="w-full max-w-3xl text-sm">
      <caption className="sr-only">Missions per host country and status</caption>
      <thead>
        <tr className="text-left">
          <th scope="col">Country</th>
          <th scope="col" className="text-right">Missions</th>
          {STATUS_FILTERS.map((status) => (
            <th key={status} scope="col" className="text-right">{STATUS_LABELS[status]}</th>
          ))}
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {rows.map(([code, name, ...counts]) => (
          <tr key={code} className="border-t border-slate-200">
            <th scope="row" className="text-left font-normal">
              <a href={`/countries/${code}${query ? `?${query}` : ""}`} className="underline">{name}</a>
            </th>
            {counts.map((count, index) => (
              <td key={index} className="text-right">{count}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
