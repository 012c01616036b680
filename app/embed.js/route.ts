import { getDb } from "@/lib/db/client";
import { handleHotRequest } from "@/lib/http/hot-paths";

// Under `npm start` the custom server answers these paths before Next; this route serves
// them under `next dev` and any other Next-only deployment, with the same code and cache.
export const dynamic = "force-dynamic";

export const GET = (request: Request) => handleHotRequest(request, getDb);
export const HEAD = GET;
