// Reasons in more than one language (decision 034): a translation, or the language the
// original was written in, is stored beside the reason and never replaces it.
import crypto from "node:crypto";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/create";
import { requiredText } from "@/lib/input/text";
import type { ReasonVersions } from "./reason-text";
import { reasonKey } from "./reason-key";

export const reasonHash = (original: string) => crypto.createHash("sha256").update(original).digest("hex");

/** A language code: the interface's or any other BCP 47 primary tag ("fr", "es"). */
export const ReasonLanguageSchema = z.string().regex(/^[a-z]{2,3}$/, "must be a language code such as uk, en or fr");

export const ReasonTextInputSchema = z.object({
  missionId: z.number().int().positive(),
  original: requiredText(500, "lines"),
  language: ReasonLanguageSchema,
  text: requiredText(500, "lines"),
  /** True: `language` is the language `original` was written in (then `text` is the original). */
  isOriginal: z.boolean().default(false),
  authorName: requiredText(200, "name"),
  /** When it is saved (tests inject the clock); also the revision's time. */
  at: z.date().optional(),
});
export type ReasonTextInput = z.input<typeof ReasonTextInputSchema>;

/**
 * Adds or replaces one language's text of a mission's reason, and appends the text to its
 * revisions (decision 043); pass a transaction to have both or neither. The caller announces.
 */
export async function saveReasonText(db: Db | Tx, input: ReasonTextInput): Promise<void> {
  const entry = ReasonTextInputSchema.parse(input);
  const originalHash = reasonHash(entry.original);
  const text = entry.isOriginal ? entry.original : entry.text;
  const at = entry.at ?? new Date();
  const version = { missionId: entry.missionId, originalHash, language: entry.language, text, isOriginal: entry.isOriginal, authorName: entry.authorName };
  await db.reasonText.upsert({
    where: { missionId_originalHash_language: { missionId: entry.missionId, originalHash, language: entry.language } },
    create: { ...version, createdAt: at },
    update: { text, isOriginal: entry.isOriginal, authorName: entry.authorName },
  });
  await db.reasonTextRevision.create({ data: { ...version, createdAt: at } });
}

interface StoredText {
  missionId: number;
  originalHash: string;
  language: string;
  text: string;
  isOriginal: boolean;
}

/** The texts as they stood at `asOf`: per mission, reason and language the latest revision saved by then. */
async function textsAsOf(db: Db, missionIds: number[], asOf: Date): Promise<StoredText[]> {
  const revisions = await db.reasonTextRevision.findMany({
    where: { missionId: { in: missionIds }, createdAt: { lte: asOf } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { missionId: true, originalHash: true, language: true, text: true, isOriginal: true },
  });
  const latest = new Map<string, StoredText>();
  for (const revision of revisions) latest.set(`${revision.missionId}|${revision.originalHash}|${revision.language}`, revision);
  return [...latest.values()];
}

/**
 * The reasons of these missions with their language and translations, in one query. With
 * `asOf` (a view as known then): the texts saved by that moment, each as it read then.
 */
export async function loadReasonVersions(db: Db, reasons: ReadonlyArray<{ missionId: number; reason: string | null }>, asOf?: Date): Promise<Map<string, ReasonVersions>> {
  const wanted = reasons.filter((entry): entry is { missionId: number; reason: string } => !!entry.reason);
  const found = new Map<string, ReasonVersions>();
  if (!wanted.length) return found;
  const missionIds = [...new Set(wanted.map((entry) => entry.missionId))];
  const rows: StoredText[] = asOf
    ? await textsAsOf(db, missionIds, asOf)
    : await db.reasonText.findMany({ where: { missionId: { in: missionIds } }, select: { missionId: true, originalHash: true, language: true, text: true, isOriginal: true } });
  for (const { missionId, reason } of wanted) {
    const hash = reasonHash(reason);
    const mine = rows.filter((row) => row.missionId === missionId && row.originalHash === hash);
    found.set(reasonKey(missionId, reason), {
      original: reason,
      language: mine.find((row) => row.isOriginal)?.language ?? "en",
      translations: Object.fromEntries(mine.filter((row) => !row.isOriginal).map((row) => [row.language, row.text])),
    });
  }
  return found;
}
