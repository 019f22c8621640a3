/**
 * A small XML reader for Appium page sources (UiAutomator2, XCUITest): elements and attributes
 * only; text content, comments, processing instructions and doctypes are skipped. Page sources
 * carry everything in attributes, so a general XML library is not needed. Malformed input
 * throws with the offset.
 */
export interface XmlElement {
  tag: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTR = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses a page source into its root element. */
export function parseXml(xml: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) { i = endOf(xml, '?>', lt); continue; }
    if (xml.startsWith('<!--', lt)) { i = endOf(xml, '-->', lt); continue; }
    if (xml.startsWith('<!', lt)) { i = endOf(xml, '>', lt); continue; }
    TAG.lastIndex = lt;
    const m = TAG.exec(xml);
    if (!m) throw new Error(`malformed XML at offset ${lt}`);
    i = TAG.lastIndex;
    const [, closing, tag, attrText, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open?.tag !== tag) throw new Error(`malformed XML at offset ${lt}: </${tag}> closes <${open?.tag ?? 'nothing'}>`);
      continue;
    }
    const element: XmlElement = { tag: tag!, attributes: {}, children: [] };
    for (const a of attrText!.matchAll(ATTR)) element.attributes[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '');
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (!root) root = element;
    else throw new Error(`malformed XML at offset ${lt}: a second root element`);
    if (!selfClosing) stack.push(element);
  }
  if (!root || stack.length > 0) throw new Error('malformed XML: no root element or unclosed elements');
  return root;
}

function endOf(xml: string, marker: string, from: number): number {
  const end = xml.indexOf(marker, from);
  if (end < 0) throw new Error(`malformed XML at offset ${from}: unterminated ${marker}`);
  return end + marker.length;
}

/** Absolute XPath steps of an element's children: tag[n], n counted among same-tag siblings (1-based). */
export function childSteps(children: { tag: string }[]): string[] {
  const seen = new Map<string, number>();
  return children.map((c) => {
    const n = (seen.get(c.tag) ?? 0) + 1;
    seen.set(c.tag, n);
    return `${c.tag}[${n}]`;
  });
}

/** "[l,t][r,b]" (UiAutomator2, HarmonyOS) → bounds; zero bounds when absent or malformed. */
export function parseBracketBounds(text: string | undefined): { x: number; y: number; width: number; height: number } {
  const m = /^\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]$/.exec((text ?? '').trim());
  if (!m) return { x: 0, y: 0, width: 0, height: 0 };
  const [l, t, r, b] = m.slice(1).map(Number) as [number, number, number, number];
  return { x: l, y: t, width: Math.max(0, r - l), height: Math.max(0, b - t) };
}
