// One-click unsubscribe (RFC 8058). Mail clients POST "List-Unsubscribe=One-Click" from no
// origin at all, so this route cannot demand a same-origin request as the others do: the
// token is the only credential, and the only thing it can do is delete its own address.
// A GET (someone opening the link) only shows a page with the button; it changes nothing, so
// link scanners cannot unsubscribe anyone.
import { getDb } from "@/lib/db/client";
import { errorResponse, toWebResponse } from "@/lib/http/response";
import { unsubscribeEverything } from "@/lib/subscriptions/commands";

const tokenOf = (request: Request) => new URL(request.url).searchParams.get("token")?.slice(0, 200) ?? "";

export async function GET(request: Request): Promise<Response> {
  const target = new URL(`/subscriptions/unsubscribe?token=${encodeURIComponent(tokenOf(request))}`, request.url);
  return new Response(null, { status: 303, headers: { Location: target.pathname + target.search, "Cache-Control": "no-store" } });
}

export async function POST(request: Request): Promise<Response> {
  try {
    const found = await unsubscribeEverything(getDb(), tokenOf(request));
    const wantsPage = (request.headers.get("accept") ?? "").includes("text/html");
    if (wantsPage) return new Response(null, { status: 303, headers: { Location: `/subscriptions/unsubscribe?done=${found ? "1" : "0"}`, "Cache-Control": "no-store" } });
    // Unknown tokens answer the same: the address may have unsubscribed already.
    return new Response("Unsubscribed.\n", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  } catch (error) {
    return toWebResponse(errorResponse(error));
  }
}
