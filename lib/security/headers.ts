// Security headers. Every page refuses framing; embed routes (lib/embed/render.ts) opt in.

export function contentSecurityPolicy(nonce: string, { isDev = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes are harmless here and React emits some; scripts are what matter.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Once the public origin is https, browsers are told never to use plain http for it again
 * (a year; no includeSubDomains: the other hosts of the domain are not Chancery's to decide). */
export function transportSecurityHeaders(publicOrigin: string | undefined): Record<string, string> {
  return publicOrigin?.startsWith("https:") ? { "Strict-Transport-Security": "max-age=31536000" } : {};
}
