import { EMBED_BUILDER_SCRIPT } from "@/lib/embed/builder-script";

export const dynamic = "force-static";

export function GET() {
  return new Response(EMBED_BUILDER_SCRIPT, { headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
