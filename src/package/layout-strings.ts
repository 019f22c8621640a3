/**
 * Text written into compiled layouts (res/layout*\/*.xml): android:text, android:hint and
 * android:contentDescription. Many apps put their Chinese labels (马上签到, 总排名) there as
 * literals rather than in resources.arsc; @string references are resolved through the table.
 */
import { attrRef, parseBinaryXml, ValueType, type XmlElement } from './binary-xml.js';
import type { ResolveString } from './android-manifest.js';
import type { FactsBuilder } from './facts-builder.js';
import type { ZipArchive } from './zip-reader.js';

const LAYOUT_RE = /^res\/layout[^/]*\/[^/]+\.xml$/;
const TEXT_ATTRS = ['text', 'hint', 'contentDescription'] as const;
const MAX_LAYOUTS = 3_000;

/** Reads every compiled layout's literal (and resolvable @string) texts into the builder, citing the layout file. */
export async function readLayoutStrings(zip: ZipArchive, resolve: ResolveString, builder: FactsBuilder, maxXmlBytes: number, maxDepth: number): Promise<number> {
  const layouts = zip.fileNames().filter((n) => LAYOUT_RE.test(n));
  if (layouts.length > MAX_LAYOUTS) builder.warnings.push(`Read the first ${MAX_LAYOUTS} of ${layouts.length} layouts.`);
  let unreadable = 0;
  for (const name of layouts.slice(0, MAX_LAYOUTS)) {
    const entry = zip.entry(name);
    if (!entry || entry.uncompressedSize > maxXmlBytes) continue;
    let root: XmlElement;
    try {
      root = parseBinaryXml(await zip.read(name, maxXmlBytes), maxDepth);
    } catch {
      unreadable++;
      continue;
    }
    for (const text of layoutTexts(root, resolve)) {
      builder.addString(text, name);
      builder.scanHosts(text, name, true);
    }
  }
  if (unreadable > 0) builder.warnings.push(`${unreadable} layout file(s) are not compiled binary XML and were skipped.`);
  return layouts.length;
}

/** Texts of one layout tree, in document order: literal strings, then references that resolve to a string. */
export function layoutTexts(root: XmlElement, resolve: ResolveString): string[] {
  const out: string[] = [];
  const visit = (element: XmlElement): void => {
    for (const attr of TEXT_ATTRS) {
      const value = element.attrs.get(attr);
      if (!value) continue;
      const ref = attrRef(element, attr);
      const text = value.dataType === ValueType.string ? value.str : ref !== undefined ? resolve(ref) : undefined;
      if (text?.trim()) out.push(text);
    }
    element.children.forEach(visit);
  };
  visit(root);
  return out;
}
