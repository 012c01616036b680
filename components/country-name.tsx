import { flagEmoji } from "@/lib/countries/catalog";

/** A country's name with its flag; the flag is decorative (the name is the text). */
export function CountryName({ code, name }: { code: string; name: string }) {
  const flag = flagEmoji(code);
  return (
    <span className="inline-flex items-baseline gap-1.5">
      <span aria-hidden="true" className="inline-block w-[1.3em] text-center">
        {flag ?? "🏳"}
      </span>
      <span>{name}</span>
    </span>
  );
}
