/**
 * Android binary XML (AXML) as produced by aapt/aapt2 for AndroidManifest.xml and res/xml/*.
 * Layout: ResXMLTree header, string pool, resource map, then start/end element chunks.
 * Attribute names are taken from the resource map when present, so obfuscated name strings
 * do not hide android:name, android:exported and friends.
 */
import { u16, u32, u8 } from './byte-reader.js';
import { check, FormatError } from './errors.js';
import { StringPool } from './string-pool.js';

/** Typed value of an attribute (Res_value). */
export interface AttrValue {
  dataType: number;
  data: number;
  /** The string for string-typed values (or the raw string when present). */
  str?: string;
}

/** One element of the tree. */
export interface XmlElement {
  name: string;
  attrs: Map<string, AttrValue>;
  children: XmlElement[];
  /** Character data directly inside the element (e.g. a <domain> name). */
  text?: string;
}

/** Res_value data types used here. */
export const ValueType = {
  reference: 0x01,
  string: 0x03,
  intDec: 0x10,
  intHex: 0x11,
  boolean: 0x12,
} as const;

/** android: attribute resource ids (android.R.attr) that the reader needs, by name. */
const ANDROID_ATTRS: Record<number, string> = {
  0x01010001: 'label',
  0x01010003: 'name',
  0x01010006: 'permission',
  0x0101000f: 'debuggable',
  0x01010010: 'exported',
  0x01010026: 'mimeType',
  0x01010027: 'scheme',
  0x01010028: 'host',
  0x0101014f: 'text',
  0x01010150: 'hint',
  0x0101020c: 'minSdkVersion',
  0x01010202: 'targetActivity',
  0x0101021b: 'versionCode',
  0x0101021c: 'versionName',
  0x01010270: 'targetSdkVersion',
  0x01010271: 'maxSdkVersion',
  0x01010273: 'contentDescription',
  0x010104ec: 'usesCleartextTraffic',
  0x01010527: 'networkSecurityConfig',
  0x01010599: 'foregroundServiceType',
};

const CHUNK = { stringPool: 0x0001, xml: 0x0003, resourceMap: 0x0180, start: 0x0102, end: 0x0103, cdata: 0x0104 } as const;
const MAX_ELEMENTS = 200_000;

/** True when the bytes look like text XML rather than compiled binary XML. */
export function looksLikeTextXml(buf: Buffer): boolean {
  const head = buf.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<');
}

/** Parses a binary XML document into its root element. */
export function parseBinaryXml(buf: Buffer, maxDepth: number): XmlElement {
  check(buf.length >= 8, 'the document is shorter than its 8-byte header');
  check(!looksLikeTextXml(buf), 'it is text XML, not compiled binary XML');
  check(u16(buf, 0) === CHUNK.xml, `the first chunk type is 0x${u16(buf, 0).toString(16)}, not the binary XML type 0x0003`);
  const headerSize = u16(buf, 2);
  const end = Math.min(u32(buf, 4), buf.length);
  let pool: StringPool | undefined;
  let resourceMap: number[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let elements = 0;
  let pos = headerSize;
  while (pos + 8 <= end) {
    const type = u16(buf, pos);
    const chunkHeader = u16(buf, pos + 2);
    const size = u32(buf, pos + 4);
    check(size >= 8 && chunkHeader >= 8 && chunkHeader <= size && pos + size <= buf.length, `chunk at offset ${pos} has an invalid size ${size}`);
    if (type === CHUNK.stringPool) pool = StringPool.parse(buf, pos);
    else if (type === CHUNK.resourceMap) resourceMap = readResourceMap(buf, pos + chunkHeader, pos + size);
    else if (type === CHUNK.start) {
      check(pool, 'an element appears before the string pool');
      check(stack.length < maxDepth, `elements are nested deeper than ${maxDepth} levels`);
      check(++elements <= MAX_ELEMENTS, `the document has more than ${MAX_ELEMENTS} elements`);
      const element = readStartElement(buf, pos + chunkHeader, pool, resourceMap);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (!root) root = element;
      stack.push(element);
    } else if (type === CHUNK.end) stack.pop();
    else if (type === CHUNK.cdata && pool) {
      const parent = stack[stack.length - 1];
      const text = pool.get(u32(buf, pos + chunkHeader));
      if (parent && text !== undefined) parent.text = (parent.text ?? '') + text;
    }
    pos += size;
  }
  if (!root) throw new FormatError('the document has no root element');
  return root;
}

function readResourceMap(buf: Buffer, start: number, end: number): number[] {
  const ids: number[] = [];
  for (let at = start; at + 4 <= end; at += 4) ids.push(u32(buf, at));
  return ids;
}

function readStartElement(buf: Buffer, ext: number, pool: StringPool, resourceMap: number[]): XmlElement {
  const name = pool.get(u32(buf, ext + 4)) ?? '';
  const attributeStart = u16(buf, ext + 8);
  const attributeSize = u16(buf, ext + 10);
  const attributeCount = u16(buf, ext + 12);
  check(attributeSize >= 20 || attributeCount === 0, `element ${name} has attributes of ${attributeSize} bytes`);
  const attrs = new Map<string, AttrValue>();
  for (let i = 0; i < attributeCount; i++) {
    const at = ext + attributeStart + i * attributeSize;
    const nameIndex = u32(buf, at + 4);
    const rawIndex = u32(buf, at + 8);
    const dataType = u8(buf, at + 15);
    const data = u32(buf, at + 16);
    const resId = resourceMap[nameIndex];
    const attrName = (resId !== undefined ? ANDROID_ATTRS[resId] : undefined) ?? pool.get(nameIndex) ?? `attr${nameIndex}`;
    const str = dataType === ValueType.string ? pool.get(data) : pool.get(rawIndex);
    attrs.set(attrName, str === undefined ? { dataType, data } : { dataType, data, str });
  }
  return { name, attrs, children: [] };
}

/** Attribute as a string when it is a literal string or a number, else undefined. */
export function attrText(element: XmlElement, name: string): string | undefined {
  const value = element.attrs.get(name);
  if (!value) return undefined;
  if (value.dataType === ValueType.string) return value.str;
  if (value.dataType === ValueType.intDec) return String(value.data | 0);
  if (value.dataType === ValueType.intHex) return `0x${value.data.toString(16)}`;
  if (value.dataType === ValueType.boolean) return value.data !== 0 ? 'true' : 'false';
  return value.str;
}

/** Attribute as a boolean when it is a literal boolean. */
export function attrBool(element: XmlElement, name: string): boolean | undefined {
  const value = element.attrs.get(name);
  if (!value) return undefined;
  if (value.dataType === ValueType.boolean) return value.data !== 0;
  if (value.dataType === ValueType.string && (value.str === 'true' || value.str === 'false')) return value.str === 'true';
  return undefined;
}

/** Resource id when the attribute is a reference (@type/name), else undefined. */
export function attrRef(element: XmlElement, name: string): number | undefined {
  const value = element.attrs.get(name);
  return value?.dataType === ValueType.reference ? value.data : undefined;
}

/** Children with the given tag name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}
