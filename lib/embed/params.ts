// Embed parameters: validated with zod (unknown or bad ones are errors naming them). Shared by
// the embed renderer and the dashboard's snippet builder, so it imports nothing server-side.
import { z } from "zod";
import { queryText } from "@/lib/input/text";
import { MissionFiltersSchema } from "@/lib/missions/filters";
import { LOCALES } from "@/lib/i18n/locales";

export const EMBED_COLUMNS = ["sending", "city", "type", "status", "since", "reason", "source", "verified"] as const;
export type EmbedColumn = (typeof EMBED_COLUMNS)[number];
export const DEFAULT_EMBED_COLUMNS: EmbedColumn[] = ["sending", "city", "status", "since"];
export const EMBED_COLUMN_LABELS: Record<EmbedColumn, string> = {
  sending: "Country",
  city: "City",
  type: "Type",
  status: "Status",
  since: "Since",
  reason: "Reason",
  source: "Source",
  verified: "Verified",
};
export const EMBED_THEMES = ["auto", "light", "dark"] as const;
/** A table, or the status map (lib/map/*) with the table as its text version below it. */
export const EMBED_VIEWS = ["table", "map"] as const;
export const EMBED_LANGUAGES = LOCALES;

const filters = MissionFiltersSchema.shape;
const flag = z.enum(["", "1", "0", "true", "false"]).transform((value) => value === "" || value === "1" || value === "true");

export const EmbedParamsSchema = z
  .object({
    host: filters.host,
    city: filters.city,
    sending: filters.sending,
    status: filters.status,
    type: filters.type,
    confirmed: flag.optional().transform((value) => value ?? false),
    sort: filters.sort,
    dir: filters.dir,
    columns: z
      .string()
      .optional()
      .transform((value) => (value ? value.split(",").map((column) => column.trim()).filter(Boolean) : [...DEFAULT_EMBED_COLUMNS]))
      .pipe(z.array(z.enum(EMBED_COLUMNS)).min(1).max(EMBED_COLUMNS.length))
      .transform((columns) => [...new Set(columns)]),
    compact: flag.optional().transform((value) => value ?? false),
    theme: z.enum(EMBED_THEMES).default("auto"),
    view: z.enum(EMBED_VIEWS).default("table"),
    lang: z.enum(EMBED_LANGUAGES).default("en"),
    title: queryText(120, "name").optional(),
    // Checked with the clock by the renderer (lib/history/moment.ts): a frozen embed.
    at: z.string().max(40).optional(),
    known: z.string().max(10).optional(),
  })
  .strict()
  .refine((params) => params.view !== "map" || params.host !== undefined, { path: ["view"], message: "view=map needs host (the map shows one host's missions)" });

export type EmbedParams = z.output<typeof EmbedParamsSchema>;

/** The query string of an embed (only non-default values), for snippets and previews. */
export function embedQuery(options: {
  host?: string;
  city?: string;
  sending?: string[];
  status?: string[];
  type?: string[];
  confirmed?: boolean;
  columns?: string[];
  compact?: boolean;
  theme?: string;
  view?: string;
  lang?: string;
  /** A frozen embed: the moment it shows, as known then. */
  at?: string;
}): string {
  const params = new URLSearchParams();
  if (options.host) params.set("host", options.host);
  if (options.city) params.set("city", options.city);
  if (options.sending?.length) params.set("sending", options.sending.join(","));
  if (options.status?.length) params.set("status", options.status.join(","));
  if (options.type?.length) params.set("type", options.type.join(","));
  if (options.confirmed) params.set("confirmed", "1");
  if (options.columns?.length && options.columns.join(",") !== DEFAULT_EMBED_COLUMNS.join(",")) params.set("columns", options.columns.join(","));
  if (options.compact) params.set("compact", "1");
  if (options.theme && options.theme !== "auto") params.set("theme", options.theme);
  if (options.view && options.view !== "table") params.set("view", options.view);
  if (options.lang && options.lang !== "en") params.set("lang", options.lang);
  if (options.at) {
    params.set("at", options.at);
    params.set("known", "then");
  }
  return params.toString();
}
