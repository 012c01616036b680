import type { ImportPlan } from "./plan";

export interface PlanRowSummary {
  line: number;
  action: "add" | "update" | "unchanged" | "reject";
  label?: string;
  reason?: string;
  fields?: string[];
}

/** The plan without the full field values, small enough to show row by row. */
export function summarisePlan(plan: ImportPlan) {
  return {
    format: plan.format,
    summary: plan.summary,
    unmappedCountries: plan.unmappedCountries,
    rows: plan.rows.map((row): PlanRowSummary => {
      switch (row.action) {
        case "reject":
          return { line: row.line, action: row.action, label: row.label, reason: row.reason };
        case "update":
          return { line: row.line, action: row.action, label: row.label, fields: Object.keys(row.changes) };
        default:
          return { line: row.line, action: row.action, label: row.label };
      }
    }),
  };
}
export type PlanSummary = ReturnType<typeof summarisePlan>;
