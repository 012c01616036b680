import type { NextConfig } from "next";
import { withSerwist } from "@serwist/turbopack";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The custom server answers the API and the embed itself and renders only the public pages
  // it is asked for: loading every route's bundle at start held ~75 MB of route code (admin, API route handlers) that production never runs.
  experimental: { preloadEntriesOnStart: false },
  async headers() {
    // Embed routes set their own headers (frame-ancestors *), flags theirs (a CSP of their own,
    // nosniff; decision 024); every other path refuses framing.
    return [{ source: "/((?!embed$|embed/|embed\\.js$|flags/).*)", headers: STATIC_SECURITY_HEADERS }];
  },
};

// withSerwist keeps esbuild external: the service worker route bundles with it (decision 025).
export default withSerwist(nextConfig);
