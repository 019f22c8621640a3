/**
 * JSON documents inside packages (module.json, pack.info, profiles): size and nesting are checked
 * before JSON.parse, and the result must be an object.
 */
import { check } from './errors.js';

/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>;

/** Parses a JSON object after checking its nesting depth; throws FormatError/SyntaxError. */
export function parseJsonObject(bytes: Buffer, maxDepth: number): JsonObject {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  check(nestingDepth(text) <= maxDepth, `it is nested deeper than ${maxDepth} levels`);
  const value: unknown = JSON.parse(text);
  check(isObject(value), 'it is not a JSON object');
  return value;
}

/** Deepest bracket nesting outside string literals. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** True for a plain (non-array) object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an array of objects (anything else becomes []). */
export function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The value as a string, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** The value as an array of strings (non-strings dropped). */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A nested object property, or an empty object. */
export function obj(value: unknown, key: string): JsonObject {
  if (!isObject(value)) return {};
  const inner = value[key];
  return isObject(inner) ? inner : {};
}
