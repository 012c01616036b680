// The site's public origin for absolute links (feeds, API, embed snippets): PUBLIC_ORIGIN when
// set (validated at start by lib/env.ts), otherwise the request's Host header if it looks like
// a host name.
import { env } from "@/lib/env";

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$/i;

export function publicOrigin(hostHeader: string | null | undefined, protocol = "http"): string {
  const configured = env().PUBLIC_ORIGIN;
  if (configured) return configured;
  return hostHeader && HOST.test(hostHeader) ? `${protocol}://${hostHeader}` : "http://localhost:3000";
}
