import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SKIP_SWITCH } from "@/lib/server/inlined-flight-data";
import { patchInlinedFlightData, runtimeFiles } from "@/scripts/patch-next";

const ROOT = path.resolve(import.meta.dirname, "../..");
const GUARDED = "s.push(Buffer.from(`${n}${o}</script>`)),V(a,s,n),s}";

describe("the postinstall patch of Next's inline RSC payload (decision 056)", () => {
  it("guards the one statement it knows, once, and leaves other code alone", () => {
    const source = `function B(e,t,r){let n="<script>",a=k(e),s=new i.PassThrough,o="x";return ${GUARDED}`;
    const first = patchInlinedFlightData(source);
    expect(first.state).toBe("patched");
    expect(first.source).toContain(`Symbol.for("${SKIP_SWITCH}")`);
    expect(first.source).toContain("V(a,s,n)");
    expect(patchInlinedFlightData(first.source)).toEqual({ state: "already", source: first.source });
    expect(patchInlinedFlightData("function other(){}").state).toBe("unknown");
    expect(patchInlinedFlightData(`${source};${GUARDED}`).state).toBe("unknown");
  });

  it("is applied to every production runtime of the installed Next (npm install ran it)", () => {
    const files = runtimeFiles(ROOT);
    expect(files.map((file) => path.basename(file)).sort()).toContain("app-page-turbo.runtime.prod.js");
    for (const file of files) expect(patchInlinedFlightData(fs.readFileSync(file, "utf8")).state, path.basename(file)).toBe("already");
  });
});
