import type { MetadataRoute } from "next";

// Installable (decision 025): a phone keeps Chancery as an app and opens the last statuses
// it saw even without a network (lib/offline/service-worker.ts).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Chancery — which embassies are open",
    short_name: "Chancery",
    description: "Open, limited or closed: the status of diplomatic missions, with sources and history.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#0f172a",
    icons: [
      { src: "/icons/192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
