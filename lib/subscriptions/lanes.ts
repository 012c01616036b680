// Deliveries wait on other people's servers, so they run in lanes of their own: a few workers
// that each claim one delivery at a time. A hanging endpoint holds one lane for at most its
// timeout, never the status writes, the expiry scheduler or the other lanes.
import type { Db } from "@/lib/db/create";
import type { JobLog } from "@/lib/jobs/run";
import { startJobWorker, type JobWorker } from "@/lib/jobs/worker";
import { webhookDeliveryJob } from "@/lib/webhooks/delivery-job";
import { mailDeliveryJob } from "./mail-job";

export const DELIVERY_HANDLERS = [mailDeliveryJob, webhookDeliveryJob];
export const DELIVERY_LANES = 4;

export function startDeliveryLanes(db: Db, { log, lanes = DELIVERY_LANES }: { log?: JobLog; lanes?: number } = {}): JobWorker[] {
  return Array.from({ length: lanes }, () => startJobWorker(db, DELIVERY_HANDLERS, { batchSize: 1, log }));
}
