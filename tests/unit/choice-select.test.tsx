// ChoiceSelect (components/mission-filter-form.tsx) writes its options as one string: the markup
// must be React's own `<select defaultValue>` with option children, for any labels and choice.
import fc from "fast-check";
import { prerender } from "react-dom/static";
import { describe, expect, it } from "vitest";
import { ChoiceSelect } from "@/components/mission-filter-form";

async function renderStatic(element: React.ReactElement): Promise<string> {
  const { prelude } = await prerender(element);
  return (await new Response(prelude).text()).replaceAll("&#x27;", "&#39;");
}

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(`<script>alert("x")</script>`, `O'Brien & "sons"`, "Côte d’Ivoire", ""));

describe("ChoiceSelect", () => {
  it("is the markup React writes for the same select, escaped, with the chosen option selected", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(text, text), { selector: ([value]) => value, maxLength: 8 }), fc.nat(9), async (options, pick) => {
        const selected = options[pick]?.[0] ?? "none of them";
        const reference = (
          <select name="host" defaultValue={selected} className="field">
            {options.map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        );
        expect(await renderStatic(<ChoiceSelect name="host" selected={selected} options={options} className="field" />)).toBe(await renderStatic(reference));
      }),
      { numRuns: 200 },
    );
  });

  it("never lets a label or value out of its option", async () => {
    const html = await renderStatic(<ChoiceSelect name="city" selected="" options={[["", "All"], [`"><script>x</script>`, "<b>bold</b>"]]} className="f" />);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain('<option value="" selected="">All</option>');
  });
});
