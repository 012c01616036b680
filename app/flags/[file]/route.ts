import * as FLAGS from "country-flag-icons/string/3x2";
import { flagSetCodeOfFile } from "@/lib/countries/flags";
import { NotFoundError } from "@/lib/errors";
import { errorResponse, toWebResponse } from "@/lib/http/response";

// SVG flags render the same on every system (emoji flags are boxes on Windows and many Linux
// desktops). A flag's drawing only changes with the library, so browsers keep it for a month.
const SVG_HEADERS = {
  "Content-Type": "image/svg+xml; charset=utf-8",
  "Cache-Control": "public, max-age=2592000",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
  "X-Content-Type-Options": "nosniff",
};

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const code = flagSetCodeOfFile((await params).file);
  const svg = code ? (FLAGS as Record<string, string | undefined>)[code] : undefined;
  if (!svg) return toWebResponse(errorResponse(new NotFoundError("No flag of that name", { fields: [{ field: "file", message: "must be a two-letter country code with .svg, e.g. UA.svg" }] })), request.method);
  return new Response(svg, { headers: SVG_HEADERS });
}

export const HEAD = GET;
