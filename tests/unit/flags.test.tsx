import { prerender } from "react-dom/static";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/flags/[file]/route";
import { CountryName } from "@/components/country-name";
import { ALL_COUNTRIES } from "@/lib/countries/catalog";
import { flagSetCodeOfFile, flagImagePath } from "@/lib/countries/flags";

const get = (file: string) => GET(new Request(`http://chancery.test/flags/${file}`), { params: Promise.resolve({ file }) });

/** Server components read the reader's language asynchronously (lib/i18n/request.ts): wait for it. */
async function renderStatic(element: React.ReactElement): Promise<string> {
  const { prelude } = await prerender(element);
  return new Response(prelude).text();
}

describe("flags", () => {
  it("draws every ISO country, and only those other entities whose flag the set really has", () => {
    for (const country of ALL_COUNTRIES.filter((c) => c.isIso)) expect(flagImagePath(country.code), country.code).toBe(`/flags/${country.code}.svg`);
    for (const code of ["XK", "XA", "XO", "XN", "EU"]) expect(flagImagePath(code), code).toBeDefined();
    for (const code of ["XM", "XT", "XS", "XQ"]) expect(flagImagePath(code), code).toBeUndefined();
    expect(flagImagePath("ua")).toBeUndefined();
    expect(flagImagePath("../UA")).toBeUndefined();
  });

  it("names files by code only", () => {
    expect(flagSetCodeOfFile("UA.svg")).toBe("UA");
    expect(flagSetCodeOfFile("XN.svg")).toBe("XC");
    for (const file of ["UA", "ua.svg", "UA.svg.js", "../UA.svg", "XM.svg", "ZZ.svg"]) expect(flagSetCodeOfFile(file), file).toBeUndefined();
  });

  it("serves a flag as a cacheable SVG that cannot run script", async () => {
    const response = await get("UA.svg");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(response.headers.get("cache-control")).toMatch(/max-age=\d{6,}/);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const svg = await response.text();
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toMatch(/<script/i);
  });

  it("answers an unknown flag with a JSON 404 naming the field", async () => {
    const response = await get("ZZ.svg");
    expect(response.status).toBe(404);
    expect((await response.json()) as unknown).toMatchObject({ error: { status: 404, fields: [{ field: "file" }] } });
  });

  it("puts the flag beside the name, hidden from screen readers, with a visible fallback", async () => {
    const withFlag = await renderStatic(<CountryName code="UA" name="Ukraine" />);
    expect(withFlag).toMatch(/<img src="\/flags\/UA.svg" alt=""[^>]*loading="lazy"/);
    expect(withFlag).toContain(">Ukraine<");
    const without = await renderStatic(<CountryName code="XM" name="Sovereign Military Order of Malta" />);
    expect(without).not.toContain("<img");
    expect(without).toContain('aria-hidden="true" data-flag="none"');
  });
});
