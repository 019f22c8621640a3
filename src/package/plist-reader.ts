/**
 * Property lists from iOS bundles: binary (own parser, see bplist.ts), XML (the `plist`
 * package, after size, DOCTYPE and nesting checks) and old-style text `.strings` files
 * (`plist`'s OpenStep parser). Library errors become FormatError so they read as malformation.
 */
import { parse as parseXmlPlist, parseOpenStep } from 'plist';
import { parseBinaryPlist, type PlistValue } from './bplist.js';
import { check, FormatError } from './errors.js';

export type { PlistValue } from './bplist.js';

/** Parses a plist in any of the three encodings. */
export function parsePlist(bytes: Buffer, maxDepth: number): PlistValue {
  if (bytes.subarray(0, 8).toString('latin1') === 'bplist00') return parseBinaryPlist(bytes, maxDepth);
  const text = decodeText(bytes);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('<')) {
    check(!/<!DOCTYPE[^>]*\[/i.test(text) && !/<!ENTITY/i.test(text), 'it declares a DOCTYPE internal subset or entities');
    check(xmlDepth(text) <= maxDepth, `it is nested deeper than ${maxDepth} levels`);
    return wrap(() => parseXmlPlist(text) as PlistValue);
  }
  check(nestingOfOpenStep(text) + 1 <= maxDepth, `it is nested deeper than ${maxDepth} levels`);
  const value = wrap(() => parseOpenStep(text) as PlistValue);
  // A .strings file is a dictionary body without the braces ("key" = "value";).
  if (isDict(value) || !text.includes('=')) return value;
  return wrap(() => parseOpenStep(`{${text}\n}`) as PlistValue);
}

/** True for a dictionary value. */
export function isDict(value: PlistValue | undefined): value is { [key: string]: PlistValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !Buffer.isBuffer(value);
}

/** Decodes text with a UTF-16 BOM or as UTF-8. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2))).swap16().toString('utf16le');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

function xmlDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const match of text.matchAll(/<(\/?)(dict|array)\b[^>]*?(\/?)>/g)) {
    if (match[3]) continue;
    depth += match[1] ? -1 : 1;
    max = Math.max(max, depth);
  }
  return max;
}

function nestingOfOpenStep(text: string): number {
  let depth = 0;
  let max = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{' || c === '(') max = Math.max(max, ++depth);
    else if (c === '}' || c === ')') depth--;
  }
  return max;
}

function wrap(parse: () => PlistValue): PlistValue {
  try {
    return parse();
  } catch (error) {
    if (error instanceof RangeError) throw error;
    throw new FormatError(error instanceof Error ? error.message : 'unparseable property list');
  }
}
