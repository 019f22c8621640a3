/**
 * HarmonyOS resources.index, "Restool" V1 layout (all little-endian), as read by
 * openharmony/developtools_packing_tool ResourcesParserV1.java:
 *   char[128] version; u32 fileLength; u32 configCount;
 *   configCount × { "KEYS"; u32 offset; u32 keyCount; keyCount × {u32 keyType, u32 value} }
 *   at offset: { "IDSS"; u32 count; count × {u32 resId, u32 dataOffset} }
 *   at dataOffset: { u32 size; u32 resType; u32 resId; u16 len; value; u16 len; name }
 * keyType 0 = language, 1 = region (two ASCII bytes packed big-endian); no keys = base.
 */
import { slice, u16, u32 } from './byte-reader.js';
import { check } from './errors.js';

/** One resource value in one configuration. */
export interface HarmonyResource {
  id: number;
  type: number;
  name: string;
  value: string;
  locale?: string;
}

/** resType values used here. */
export const ResType = { string: 9, strArray: 10, plural: 17, media: 19, profile: 20 } as const;

const MAX_CONFIGS = 4096;
const MAX_ITEMS = 1_000_000;

/** Version string at the head of the file, e.g. "Restool 5.012". */
export function resourcesIndexVersion(buf: Buffer): string {
  const raw = slice(buf, 0, 128, 'version header');
  const nul = raw.indexOf(0);
  return raw.toString('latin1', 0, nul < 0 ? 128 : nul);
}

/** Parses a V1 resources.index into its resources (every configuration). */
export function parseResourcesIndexV1(buf: Buffer): HarmonyResource[] {
  const configCount = u32(buf, 132, 'config count');
  check(configCount <= MAX_CONFIGS, `it declares ${configCount} configurations`);
  const out: HarmonyResource[] = [];
  let pos = 136;
  for (let c = 0; c < configCount; c++) {
    check(slice(buf, pos, 4).toString('latin1') === 'KEYS', `config ${c} does not start with KEYS`);
    const offset = u32(buf, pos + 4);
    const keyCount = u32(buf, pos + 8);
    check(keyCount <= 64, `config ${c} declares ${keyCount} keys`);
    const keys: [number, number][] = [];
    for (let k = 0; k < keyCount; k++) keys.push([u32(buf, pos + 12 + k * 8), u32(buf, pos + 16 + k * 8)]);
    pos += 12 + keyCount * 8;
    readIdSet(buf, offset, localeOf(keys), out);
  }
  return out;
}

function readIdSet(buf: Buffer, offset: number, locale: string | undefined, out: HarmonyResource[]): void {
  check(slice(buf, offset, 4).toString('latin1') === 'IDSS', `the id set at ${offset} does not start with IDSS`);
  const count = u32(buf, offset + 4);
  check(count * 8 <= buf.length && out.length + count <= MAX_ITEMS, `the id set at ${offset} declares ${count} items`);
  for (let i = 0; i < count; i++) {
    const dataOffset = u32(buf, offset + 12 + i * 8);
    const type = u32(buf, dataOffset + 4);
    const id = u32(buf, dataOffset + 8);
    const valueLength = u16(buf, dataOffset + 12);
    const value = cString(slice(buf, dataOffset + 14, valueLength, 'resource value'));
    const nameLength = u16(buf, dataOffset + 14 + valueLength);
    const name = cString(slice(buf, dataOffset + 16 + valueLength, nameLength, 'resource name'));
    out.push(locale ? { id, type, name, value, locale } : { id, type, name, value });
  }
}

function cString(bytes: Buffer): string {
  const nul = bytes.indexOf(0);
  return bytes.toString('utf8', 0, nul < 0 ? bytes.length : nul);
}

function localeOf(keys: [number, number][]): string | undefined {
  const unpack = (v: number): string => String.fromCharCode((v >>> 8) & 0xff, v & 0xff).replace(/\0/g, '');
  const language = keys.find(([type]) => type === 0);
  if (!language) return undefined;
  const region = keys.find(([type]) => type === 1);
  return region ? `${unpack(language[1])}-${unpack(region[1])}` : unpack(language[1]);
}
