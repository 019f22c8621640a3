/**
 * Android resources.arsc (ResTable): string resources in every locale, and default-config values
 * to resolve manifest references such as android:label="@string/app_name".
 * Layout: frameworks/base/libs/androidfw/include/androidfw/ResourceTypes.h.
 */
import { u16, u32, u8 } from './byte-reader.js';
import { check } from './errors.js';
import { StringPool } from './string-pool.js';

/** A resolved simple value (Res_value) of one resource. */
export interface ResValue {
  dataType: number;
  data: number;
  str?: string;
}

/** One string resource in one configuration. */
export interface ResString {
  key: string;
  text: string;
  locale?: string;
}

/** What the reader keeps from resources.arsc. */
export interface ResourceTable {
  strings: ResString[];
  /** Value for a resource id, preferring the default (locale-free) configuration. */
  resolve(id: number): ResValue | undefined;
}

const CHUNK = { stringPool: 0x0001, table: 0x0002, package: 0x0200, type: 0x0201 } as const;
const TYPE_STRING = 0x03;
const TYPE_REFERENCE = 0x01;
const FLAG_COMPLEX = 0x0001;
const FLAG_COMPACT = 0x0008;
const TYPE_FLAG_SPARSE = 0x01;
const TYPE_FLAG_OFFSET16 = 0x02;
const NO_ENTRY32 = 0xffffffff;
const NO_ENTRY16 = 0xffff;
const STRING_TYPES = new Set(['string', 'array', 'plurals']);

interface Defaults {
  values: Map<number, ResValue & { localized: boolean }>;
}

/** Parses resources.arsc. */
export function parseResourceTable(buf: Buffer): ResourceTable {
  check(u16(buf, 0) === CHUNK.table, 'the first chunk is not a resource table (type 0x0002)');
  const headerSize = u16(buf, 2);
  const end = Math.min(u32(buf, 4), buf.length);
  let globalPool: StringPool | undefined;
  const strings: ResString[] = [];
  const defaults: Defaults = { values: new Map() };
  forEachChunk(buf, headerSize, end, (type, start) => {
    if (type === CHUNK.stringPool && !globalPool) globalPool = StringPool.parse(buf, start);
    else if (type === CHUNK.package) {
      check(globalPool, 'a package appears before the global string pool');
      readPackage(buf, start, globalPool, strings, defaults);
    }
  });
  return {
    strings,
    resolve: (id) => {
      const value = defaults.values.get(id);
      if (!value) return undefined;
      return value.str === undefined ? { dataType: value.dataType, data: value.data } : { dataType: value.dataType, data: value.data, str: value.str };
    },
  };
}

/** Follows references (at most 4 hops) to a string value. */
export function resolveString(table: ResourceTable | undefined, id: number): string | undefined {
  let current = id;
  for (let hop = 0; hop < 4 && table; hop++) {
    const value = table.resolve(current);
    if (!value) return undefined;
    if (value.dataType === TYPE_REFERENCE) {
      current = value.data;
      continue;
    }
    if (value.str !== undefined) return value.str;
    if (value.dataType >= 0x10 && value.dataType <= 0x11) return String(value.data | 0);
    return undefined;
  }
  return undefined;
}

function forEachChunk(buf: Buffer, from: number, end: number, visit: (type: number, start: number, headerSize: number, size: number) => void): void {
  let pos = from;
  while (pos + 8 <= end) {
    const type = u16(buf, pos);
    const headerSize = u16(buf, pos + 2);
    const size = u32(buf, pos + 4);
    check(size >= 8 && headerSize >= 8 && headerSize <= size && pos + size <= buf.length, `chunk at offset ${pos} has an invalid size ${size}`);
    visit(type, pos, headerSize, size);
    pos += size;
  }
}

function readPackage(buf: Buffer, start: number, globalPool: StringPool, strings: ResString[], defaults: Defaults): void {
  const headerSize = u16(buf, start + 2);
  const size = u32(buf, start + 4);
  const packageId = u32(buf, start + 8);
  const typeNames = StringPool.parse(buf, start + u32(buf, start + 268, 'type strings offset'));
  const keyNames = StringPool.parse(buf, start + u32(buf, start + 276, 'key strings offset'));
  forEachChunk(buf, start + headerSize, start + size, (type, chunk, chunkHeader) => {
    if (type !== CHUNK.type) return;
    const typeId = u8(buf, chunk + 8);
    const typeName = typeNames.get(typeId - 1) ?? '';
    readTypeChunk(buf, chunk, chunkHeader, (entryIndex, entry) => {
      const id = ((packageId & 0xff) << 24) | (typeId << 16) | entryIndex;
      const locale = readLocale(buf, chunk + 20);
      const collect = STRING_TYPES.has(typeName);
      readEntry(buf, entry, (value, isMapItem, keyIndex) => {
        const str = value.dataType === TYPE_STRING ? globalPool.get(value.data) : undefined;
        const resolved = str === undefined ? value : { ...value, str };
        if (!isMapItem) remember(defaults, id >>> 0, resolved, locale !== undefined);
        if (collect && str !== undefined) {
          const key = keyNames.get(keyIndex) ?? '';
          strings.push(locale === undefined ? { key, text: str } : { key, text: str, locale });
        }
      });
    });
  });
}

function remember(defaults: Defaults, id: number, value: ResValue, localized: boolean): void {
  const existing = defaults.values.get(id);
  if (existing && (!existing.localized || localized)) return;
  defaults.values.set(id, { ...value, localized });
}

function readTypeChunk(buf: Buffer, chunk: number, headerSize: number, visit: (entryIndex: number, entryOffset: number) => void): void {
  const flags = u8(buf, chunk + 9);
  const entryCount = u32(buf, chunk + 12);
  const entriesStart = chunk + u32(buf, chunk + 16);
  const offsets = chunk + headerSize;
  check(entryCount <= 0x10000, `a type chunk declares ${entryCount} entries`);
  for (let i = 0; i < entryCount; i++) {
    if (flags & TYPE_FLAG_SPARSE) {
      visit(u16(buf, offsets + i * 4), entriesStart + u16(buf, offsets + i * 4 + 2) * 4);
    } else if (flags & TYPE_FLAG_OFFSET16) {
      const offset = u16(buf, offsets + i * 2);
      if (offset !== NO_ENTRY16) visit(i, entriesStart + offset * 4);
    } else {
      const offset = u32(buf, offsets + i * 4);
      if (offset !== NO_ENTRY32) visit(i, entriesStart + offset);
    }
  }
}

type EntryVisitor = (value: ResValue, isMapItem: boolean, keyIndex: number) => void;

function readEntry(buf: Buffer, entry: number, visit: EntryVisitor): void {
  const size = u16(buf, entry);
  const flags = u16(buf, entry + 2);
  if (flags & FLAG_COMPACT) {
    // Compact entries (aapt2 --enable-compact-entries): the key sits in the size field.
    visit({ dataType: flags >>> 8, data: u32(buf, entry + 4) }, false, size);
    return;
  }
  const keyIndex = u32(buf, entry + 4);
  if (flags & FLAG_COMPLEX) {
    const count = u32(buf, entry + 12);
    check(count <= 0x10000, `a map entry declares ${count} items`);
    for (let i = 0; i < count; i++) {
      const item = entry + size + i * 12;
      visit({ dataType: u8(buf, item + 7), data: u32(buf, item + 8) }, true, keyIndex);
    }
  } else {
    visit({ dataType: u8(buf, entry + size + 3), data: u32(buf, entry + size + 4) }, false, keyIndex);
  }
}

/** Locale of a ResTable_config as `zh-CN`, `zh` or undefined for the default configuration. */
function readLocale(buf: Buffer, config: number): string | undefined {
  const language = unpackLanguage(u8(buf, config + 8), u8(buf, config + 9), 0x61);
  if (!language) return undefined;
  const region = unpackLanguage(u8(buf, config + 10), u8(buf, config + 11), 0x30);
  return region ? `${language}-${region.toUpperCase()}` : language;
}

function unpackLanguage(a: number, b: number, base: number): string | undefined {
  if (a === 0) return undefined;
  if (a & 0x80) {
    const first = b & 0x1f;
    const second = ((b & 0xe0) >> 5) | ((a & 0x03) << 3);
    const third = (a & 0x7c) >> 2;
    return String.fromCharCode(first + base, second + base, third + base);
  }
  return String.fromCharCode(a, b);
}
