// What admins (only admins: the pages and routes check the role) see of mail: the outbox, the
// notices, and the subscribers with their addresses.
import type { Db } from "@/lib/db/create";

export function outboxMails(db: Db, limit = 100) {
  return db.outboxMail.findMany({ orderBy: { id: "desc" }, take: limit });
}

export function adminNotices(db: Db, limit = 50) {
  return db.adminNotice.findMany({ orderBy: { id: "desc" }, take: limit });
}

export function subscribersForAdmins(db: Db, limit = 200) {
  return db.subscriber.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, email: true, createdAt: true, subscriptions: { select: { scopeKind: true, scopeValue: true, cadence: true, state: true } } },
  });
}
