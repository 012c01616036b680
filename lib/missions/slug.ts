/** "United States", "embassy", "Kyiv" → "us-embassy-kyiv": readable, stable URLs. */
export function missionSlug(sendingCode: string, type: string, city: string): string {
  const part = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  return [part(sendingCode), part(type.replace(/_/g, "-")), part(city) || "city"].join("-");
}
