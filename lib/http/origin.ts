// The site's public origin for absolute links (feeds, API, embed snippets): PUBLIC_ORIGIN when
// set (validated once), otherwise the request's Host header if it looks like a host name.
import { z } from "zod";

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$/i;
const PublicOriginSchema = z
  .url({ protocol: /^https?$/, error: "PUBLIC_ORIGIN must be an http(s) URL such as https://chancery.example" })
  .transform((url) => new URL(url).origin)
  .optional();

let configured: { origin: string | undefined } | undefined;

export function publicOrigin(hostHeader: string | null | undefined, protocol = "http"): string {
  configured ??= { origin: PublicOriginSchema.parse(process.env.PUBLIC_ORIGIN || undefined) };
  if (configured.origin) return configured.origin;
  return hostHeader && HOST.test(hostHeader) ? `${protocol}://${hostHeader}` : "http://localhost:3000";
}
