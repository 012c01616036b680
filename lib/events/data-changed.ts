// The one place every write announces what it changed, after its transaction commits.
// Read caches subscribe here to invalidate exactly what changed. On PostgreSQL the
// announcement also goes out with pg_notify, so other app instances drop their copies too.
import { env } from "@/lib/env";
import { dispatchDataChangeLocally, type DataChange } from "./listeners";
import { notifyDataChange } from "./pg-channel";

export { onDataChange, type DataChange } from "./listeners";

/** Call after a write has committed. */
export async function announceDataChange(change: DataChange): Promise<void> {
  dispatchDataChangeLocally(change);
  const { DATABASE_URL: url, databaseProvider } = env();
  if (databaseProvider === "postgres") {
    // The write has committed: a failed notification must not turn it into an error. Other
    // instances then catch up through their caches' 1 s expiry.
    try {
      await notifyDataChange(url, change);
    } catch (error) {
      console.error("Could not notify other instances of a data change:", error);
    }
  }
}
