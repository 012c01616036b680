import type { Tx } from "@/lib/db/create";

export interface Actor {
  id: number | null;
  name: string;
}

export interface AuditInput {
  action: string;
  entityType: "mission" | "event" | "user" | "import" | "freshness-policy" | "webhook" | "source" | "proposal";
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

const serialise = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export function auditData(actor: Actor, entry: AuditInput, at = new Date()) {
  return {
    at,
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    before: serialise(entry.before),
    after: serialise(entry.after),
  };
}

/** Appends to the audit trail inside the caller's transaction; there is no update or delete. */
export async function appendAudit(tx: Tx, actor: Actor, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({ data: auditData(actor, entry) });
}
