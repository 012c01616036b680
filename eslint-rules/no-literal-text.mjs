// Public pages have no words in code (issue 14): every word a reader sees comes from
// messages/<locale>.json through t(). This rule finds the words left in JSX: text between
// tags, string attributes a reader sees or hears (aria-label, title, placeholder, alt, label,
// caption), strings and templates rendered as children, and a page's metadata title. Code
// samples (<code>, <pre>, <kbd>) and the product's name are not words to translate.
const LETTERS = /\p{L}{2,}/u;
const NAMES = new Set(["Chancery", "Atom", "Wikidata", "OpenAPI"]);
const SPOKEN_ATTRIBUTES = new Set(["aria-label", "aria-description", "title", "placeholder", "alt", "label", "caption", "summary", "zoneLabel"]);
const CODE_ELEMENTS = new Set(["code", "pre", "kbd", "samp"]);
const METADATA_KEYS = new Set(["title", "description"]);

/** Words other than the names above. */
function hasWords(text) {
  const words = text.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  // Codes ("UA", "GET") and the names above are the same in every language.
  return words.some((word) => LETTERS.test(word) && !NAMES.has(word) && !/^[A-Z]{2,4}$/.test(word));
}

function insideCode(node) {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === "JSXElement" && parent.openingElement.name.type === "JSXIdentifier" && CODE_ELEMENTS.has(parent.openingElement.name.name)) return true;
  }
  return false;
}

const stringOf = (node) => (node.type === "Literal" && typeof node.value === "string" ? node.value : node.type === "TemplateLiteral" ? node.quasis.map((quasi) => quasi.value.cooked ?? "").join(" ") : null);

/** Strings that end up as the value: `a ? "x" : "y"`, `a && "x"`, `a ?? "x"`. */
function renderedStrings(node) {
  if (!node) return [];
  if (node.type === "ConditionalExpression") return [...renderedStrings(node.consequent), ...renderedStrings(node.alternate)];
  if (node.type === "LogicalExpression") return renderedStrings(node.right).concat(node.operator === "&&" ? [] : renderedStrings(node.left));
  const text = stringOf(node);
  return text === null ? [] : [{ node, text }];
}

const rule = {
  meta: { type: "problem", schema: [], messages: { literal: "Words in code: “{{text}}”. Put them in messages/en.json (and every other language) and render them with t()." } },
  create(context) {
    const report = (node, text) => context.report({ node, messageId: "literal", data: { text: text.trim().slice(0, 60) } });
    return {
      JSXText(node) {
        if (hasWords(node.value) && !insideCode(node)) report(node, node.value);
      },
      JSXExpressionContainer(node) {
        if (node.parent.type === "JSXAttribute") return;
        if (insideCode(node)) return;
        for (const found of renderedStrings(node.expression)) if (hasWords(found.text)) report(found.node, found.text);
      },
      JSXAttribute(node) {
        const name = node.name.type === "JSXIdentifier" ? node.name.name : null;
        if (!name || !SPOKEN_ATTRIBUTES.has(name) || !node.value) return;
        const values = node.value.type === "JSXExpressionContainer" ? renderedStrings(node.value.expression) : renderedStrings(node.value);
        for (const found of values) if (hasWords(found.text)) report(found.node, found.text);
      },
      Property(node) {
        // export const metadata = { title: "…" } and generateMetadata's answer
        if (node.key.type !== "Identifier" || !METADATA_KEYS.has(node.key.name)) return;
        const declarator = context.sourceCode.getAncestors(node).find((ancestor) => ancestor.type === "VariableDeclarator" || ancestor.type === "FunctionDeclaration");
        const named = declarator?.id?.name;
        if (named !== "metadata" && named !== "generateMetadata") return;
        for (const found of renderedStrings(node.value)) if (hasWords(found.text)) report(found.node, found.text);
      },
    };
  },
};

export const noLiteralTextPlugin = { rules: { "no-literal-text": rule } };
