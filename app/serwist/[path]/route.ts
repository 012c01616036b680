import { createSerwistRoute } from "@serwist/turbopack";

// The service worker, built with esbuild when the app is built (decision 025). Nothing of
// Next's build is precached: the lite pages have no client runtime to keep, and what a
// person viewed is kept as they view it.
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "lib/offline/service-worker.ts",
  useNativeEsbuild: true,
  globPatterns: [],
});
