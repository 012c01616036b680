import { hasFlag } from "country-flag-icons";

// Our X* codes name entities without an ISO code; the flag set uses user-assigned codes too,
// but not all the same ones. Only these mean the same entity in both (Northern Cyprus is XN to
// us and XC to the flag set); other X* codes have no flag rather than someone else's.
const FLAG_SET_CODE_OF_ENTITY: Record<string, string> = { XK: "XK", XA: "XA", XO: "XO", XN: "XC" };

function flagSetCode(code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  const flagCode = code.startsWith("X") ? FLAG_SET_CODE_OF_ENTITY[code] : code;
  return flagCode && hasFlag(flagCode) ? flagCode : undefined;
}

/** The URL of a country's SVG flag, or none for entities the flag set does not cover. */
export function flagImagePath(code: string): string | undefined {
  return flagSetCode(code) ? `/flags/${code}.svg` : undefined;
}

/** The flag-set code a flag file (`UA.svg`, in our codes) asks for, when that flag exists. */
export function flagSetCodeOfFile(file: string): string | undefined {
  const code = /^([A-Z]{2})\.svg$/.exec(file)?.[1];
  return code ? flagSetCode(code) : undefined;
}
