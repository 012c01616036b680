// A strict XML 1.0 parse (saxes checks well-formedness, including the characters XML allows),
// for every XML the app writes: fast-xml-parser alone accepts NUL or a vertical tab.
import { SaxesParser } from "saxes";

/** Throws on the first well-formedness error; returns the text of each element, by name. */
export function parseStrictXml(xml: string): Map<string, string[]> {
  const parser = new SaxesParser({ xmlns: true });
  const texts = new Map<string, string[]>();
  const open: Array<{ name: string; text: string }> = [];
  let error: Error | undefined;
  parser.on("error", (reason) => (error ??= reason));
  parser.on("opentag", (tag) => open.push({ name: tag.local ?? tag.name, text: "" }));
  parser.on("text", (text) => {
    const current = open.at(-1);
    if (current) current.text += text;
  });
  parser.on("closetag", () => {
    const element = open.pop();
    if (element) texts.set(element.name, [...(texts.get(element.name) ?? []), element.text]);
  });
  parser.write(xml).close();
  if (error) throw error;
  return texts;
}
