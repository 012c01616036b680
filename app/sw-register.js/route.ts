// The one script every lite page keeps (lib/http/lite-html.ts): it registers the service
// worker and needs nothing else of the client runtime.
export const dynamic = "force-static";

const SOURCE = `if("serviceWorker"in navigator)addEventListener("load",function(){navigator.serviceWorker.register("/serwist/sw.js",{scope:"/"}).catch(function(){})});`;

export function GET() {
  return new Response(SOURCE, { headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
