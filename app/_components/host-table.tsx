"use client";
// Every host country in one compact table. A client component on purpose: its props (one short
// tuple per country) are what Next's inline payload carries, not a second copy of the markup,
// which keeps the home page under 50 KB with the whole world imported (decision 017).
import { STATUS_FILTERS, type StatusFilter } from "@/lib/status/schema";

/** [code, name, missions, open, limited, closed, unreported] */
export type HostRow = [string, string, number, number, number, number, number];

export interface HostTableLabels {
  caption: string;
  country: string;
  missions: string;
  statuses: Record<StatusFilter, string>;
}

/** `query` (a moment, for a past view) is kept on every link; the words come in the reader's language. */
export function HostTable({ rows, query, labels, pathPrefix = "/countries/" }: { rows: HostRow[]; query?: string; labels: HostTableLabels; pathPrefix?: string }) {
  return (
    <table className="hosts w-full max-w-3xl text-sm">
      <caption className="sr-only">{labels.caption}</caption>
      <thead>
        <tr className="text-start">
          <th scope="col">{labels.country}</th>
          <th scope="col" className="text-end">{labels.missions}</th>
          {STATUS_FILTERS.map((status) => (
            <th key={status} scope="col" className="text-end">{labels.statuses[status]}</th>
          ))}
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {rows.map(([code, name, ...counts]) => (
          <tr key={code}>
            <th scope="row">
              <a href={`${pathPrefix}${code}${query ? `?${query}` : ""}`}>{name}</a>
            </th>
            {counts.map((count, index) => (
              <td key={index}>{count}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
