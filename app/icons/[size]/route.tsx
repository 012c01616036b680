import { ImageResponse } from "next/og";

// PNG icons for the web app manifest (installing needs raster icons of 192 and 512 pixels),
// drawn from the same mark as app/icon.svg, once at build time.
export const dynamic = "force-static";
export const dynamicParams = false;
const SIZES = ["192.png", "512.png"] as const;

export function generateStaticParams() {
  return SIZES.map((size) => ({ size }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ size: string }> }) {
  const pixels = Number.parseInt((await params).size, 10);
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", alignItems: "center", justifyContent: "center", background: "#0f172a" }}>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width={pixels * 0.75} height={pixels * 0.75}>
          <path d="M6 13l10-6 10 6v2H6zM8 16h3v8H8zm6.5 0h3v8h-3zM21 16h3v8h-3zM6 25h20v2H6z" fill="#fff" />
        </svg>
      </div>
    ),
    { width: pixels, height: pixels },
  );
}
