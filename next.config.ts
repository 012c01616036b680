import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  async headers() {
    // Embed routes set their own headers (frame-ancestors *); every other path refuses framing.
    return [{ source: "/((?!embed$|embed/|embed\\.js$).*)", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
