/**
 * A strict little XML parser for the chart tests (no dependency): elements, attributes, text and
 * the five predefined entities plus numeric references. It throws on anything that is not
 * well-formed — unbalanced or mismatched tags, unquoted or duplicate attributes, a bare `&` or `<`,
 * text or a second element outside the root.
 */

/** One parsed element. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (entities decoded), children's text not included. */
  text: string;
}

const entities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (raw.includes("<")) throw new Error(`XML: "<" in text or attribute value near ${where}`);
  return raw.replace(/&([^;\s&]*);?/g, (match, name: string) => {
    if (!match.endsWith(";")) throw new Error(`XML: bare "&" near ${where}`);
    if (name in entities) return entities[name]!;
    const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#(\d+)$/.exec(name)?.[1];
    if (code === undefined) throw new Error(`XML: unknown entity &${name}; near ${where}`);
    return String.fromCodePoint(Number.parseInt(code, name.startsWith("#x") ? 16 : 10));
  });
}

const nameChars = "[A-Za-z_:][-A-Za-z0-9_:.]*";
const tagPattern = new RegExp(
  `^<(/?)(${nameChars})((?:\\s+${nameChars}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>$`,
);
const attributePattern = new RegExp(`(${nameChars})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "g");

/** Parses a document and returns its root element. */
export function parseXml(source: string): XmlElement {
  const body = source
    .replace(/^\uFEFF/, "")
    .replace(/^<\?xml[^?]*\?>/, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf("<", i);
    const text = body.slice(i, open === -1 ? body.length : open);
    if (text.length > 0) {
      const current = stack.at(-1);
      if (current === undefined) {
        if (text.trim().length > 0) throw new Error(`XML: text outside the root near ${i}`);
      } else {
        current.text += decode(text, i);
      }
    }
    if (open === -1) break;
    const close = body.indexOf(">", open);
    if (close === -1) throw new Error(`XML: unterminated tag at ${open}`);
    const tag = body.slice(open, close + 1);
    const match = tagPattern.exec(tag);
    if (!match) throw new Error(`XML: malformed tag ${tag.slice(0, 80)} at ${open}`);
    const [, slash, name, attributeText, selfClosing] = match;
    if (slash === "/") {
      const current = stack.pop();
      if (current?.name !== name) {
        throw new Error(`XML: </${name}> closes <${current?.name ?? "nothing"}> at ${open}`);
      }
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key, double, single] of attributeText!.matchAll(attributePattern)) {
        if (key! in attributes) throw new Error(`XML: duplicate attribute ${key} at ${open}`);
        attributes[key!] = decode(double ?? single ?? "", open);
      }
      const element: XmlElement = { name: name!, attributes, children: [], text: "" };
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root === undefined) root = element;
      else throw new Error(`XML: a second root element <${name}> at ${open}`);
      if (selfClosing !== "/") stack.push(element);
    }
    i = close + 1;
  }
  if (stack.length > 0) throw new Error(`XML: <${stack.at(-1)!.name}> is never closed`);
  if (root === undefined) throw new Error("XML: no root element");
  return root;
}

/** All elements below `element` (depth first) that satisfy `test`. */
export function descendants(element: XmlElement, test: (e: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const child of e.children) {
      if (test(child)) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}
