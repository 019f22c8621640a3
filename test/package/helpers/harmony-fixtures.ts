/**
 * Synthetic HarmonyOS fixtures with the real layouts: module.json and pack.info as DevEco
 * writes them, a V1 resources.index ("Restool" layout, see src/package/resources-index.ts) and an
 * ets/modules.abc whose string area uses the Panda encoding (uleb128 length, MUTF-8, NUL).
 */
import { buildZip, type ZipInput } from './zip-writer.js';

/** One string resource per locale. */
export interface ResourceItem {
  id: number;
  name: string;
  value: string;
  type?: number;
}

/** A configuration (locale) and its items; no locale = base. */
export interface ResourceConfig {
  language?: string;
  region?: string;
  items: ResourceItem[];
}

/** Writes a V1 resources.index. */
export function buildResourcesIndex(configs: ResourceConfig[]): Buffer {
  const header = Buffer.alloc(136);
  header.write('Restool 5.012', 0, 'latin1');
  const keyBlocks = configs.map((c) => 12 + 8 * ((c.language ? 1 : 0) + (c.region ? 1 : 0)));
  let offset = 136 + keyBlocks.reduce((a, b) => a + b, 0);
  const idssOffsets = configs.map((c) => {
    const at = offset;
    offset += 8 + 8 * c.items.length;
    return at;
  });
  const dataParts: Buffer[] = [];
  const dataOffsets: number[][] = configs.map((c) =>
    c.items.map((item) => {
      const at = offset;
      const part = dataItem(item);
      dataParts.push(part);
      offset += part.length;
      return at;
    }),
  );
  const keys = configs.map((c, i) => {
    const pairs: [number, number][] = [];
    if (c.language) pairs.push([0, pack2(c.language)]);
    if (c.region) pairs.push([1, pack2(c.region)]);
    const block = Buffer.alloc(12 + 8 * pairs.length);
    block.write('KEYS', 0, 'latin1');
    block.writeUInt32LE(idssOffsets[i] ?? 0, 4);
    block.writeUInt32LE(pairs.length, 8);
    pairs.forEach(([type, value], k) => {
      block.writeUInt32LE(type, 12 + k * 8);
      block.writeUInt32LE(value, 16 + k * 8);
    });
    return block;
  });
  const idss = configs.map((c, i) => {
    const block = Buffer.alloc(8 + 8 * c.items.length);
    block.write('IDSS', 0, 'latin1');
    block.writeUInt32LE(c.items.length, 4);
    c.items.forEach((item, k) => {
      block.writeUInt32LE(item.id, 8 + k * 8);
      block.writeUInt32LE(dataOffsets[i]?.[k] ?? 0, 12 + k * 8);
    });
    return block;
  });
  header.writeUInt32LE(offset, 128);
  header.writeUInt32LE(configs.length, 132);
  return Buffer.concat([header, ...keys, ...idss, ...dataParts]);
}

function dataItem(item: ResourceItem): Buffer {
  const value = Buffer.concat([Buffer.from(item.value, 'utf8'), Buffer.from([0])]);
  const name = Buffer.concat([Buffer.from(item.name, 'utf8'), Buffer.from([0])]);
  const out = Buffer.alloc(16 + value.length + name.length);
  out.writeUInt32LE(out.length - 4, 0);
  out.writeUInt32LE(item.type ?? 9, 4);
  out.writeUInt32LE(item.id, 8);
  out.writeUInt16LE(value.length, 12);
  value.copy(out, 14);
  out.writeUInt16LE(name.length, 14 + value.length);
  name.copy(out, 16 + value.length);
  return out;
}

function pack2(code: string): number {
  return ((code.charCodeAt(0) & 0xff) << 8) | (code.charCodeAt(1) & 0xff);
}

/** Writes an abc-like file: PANDA magic, some binary header, then encoded string literals. */
export function buildModulesAbc(literals: string[]): Buffer {
  const parts: Buffer[] = [Buffer.from('PANDA\0\0\0', 'latin1'), Buffer.from([0x12, 0x34, 0x56, 0x78, 0, 0, 0, 12, 0x01, 0x02, 0x03, 0xff])];
  for (const literal of literals) {
    const isAscii = /^[\x00-\x7f]*$/.test(literal) ? 1 : 0;
    parts.push(uleb((literal.length << 1) | isAscii), Buffer.from(literal, 'utf8'), Buffer.from([0]));
    parts.push(Buffer.from([0x0a, 0x00, 0x03, 0x81, 0x00]));
  }
  return Buffer.concat(parts);
}

function uleb(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest) byte |= 0x80;
    bytes.push(byte);
  } while (rest);
  return Buffer.from(bytes);
}

/** Options for one synthetic module. */
export interface HapOptions {
  bundleName: string;
  moduleName: string;
  moduleType: 'entry' | 'feature';
  abilities: { name: string; exported?: boolean; backgroundModes?: string[]; schemes?: string[] }[];
  permissions: { name: string; when?: 'inuse' | 'always' }[];
  strings: ResourceConfig[];
  literals: string[];
  extra?: ZipInput[];
}

/** module.json as written by hvigor for a stage-model module (API 17 encodings). */
export function moduleJson(o: HapOptions): string {
  return JSON.stringify({
    app: {
      bundleName: o.bundleName, bundleType: 'app', versionCode: 1000017, versionName: '1.0.17', label: '$string:app_name', labelId: 16777216,
      icon: '$media:app_icon', iconId: 16777217, vendor: 'example', debug: false, minAPIVersion: 50005017, targetAPIVersion: 50005017,
      compileSdkType: 'HarmonyOS', compileSdkVersion: '5.0.5.165', apiReleaseType: 'Release',
    },
    module: {
      name: o.moduleName, type: o.moduleType, mainElement: o.abilities[0]?.name, deviceTypes: ['phone', 'tablet'], pages: '$profile:main_pages',
      abilities: o.abilities.map((a) => ({
        name: a.name, srcEntry: `./ets/${a.name.toLowerCase()}/${a.name}.ets`, label: '$string:app_name', labelId: 16777216,
        exported: a.exported ?? false, ...(a.backgroundModes ? { backgroundModes: a.backgroundModes } : {}),
        skills: [{ actions: ['action.system.home'], entities: ['entity.system.home'], uris: (a.schemes ?? []).map((scheme) => ({ scheme, host: 'open' })) }],
      })),
      requestPermissions: o.permissions.map((p) => ({ name: p.name, reason: '$string:reason_location', usedScene: { abilities: [o.abilities[0]?.name], when: p.when ?? 'inuse' } })),
      virtualMachine: 'ark12.0.2.0',
    },
  });
}

/** pack.info for the given modules. */
export function packInfo(bundleName: string, modules: { name: string; type: string }[]): string {
  return JSON.stringify({
    summary: {
      app: { bundleName, bundleType: 'app', version: { code: 1000017, name: '1.0.17' } },
      modules: modules.map((m) => ({ mainAbility: 'EntryAbility', deviceType: ['phone'], abilities: [{ name: 'EntryAbility', label: '$string:app_name' }],
        distro: { moduleType: m.type, moduleName: m.name, installationFree: false, deliveryWithInstall: true }, apiVersion: { compatible: 50005017, releaseType: 'Release', target: 50005017 } })),
    },
    packages: modules.map((m) => ({ deviceType: ['phone'], moduleType: m.type, deliveryWithInstall: true, name: `${m.name}-default` })),
  });
}

/** A complete .hap. */
export function buildHap(o: HapOptions): Buffer {
  return buildZip([
    { name: 'module.json', data: moduleJson(o) },
    { name: 'pack.info', data: packInfo(o.bundleName, [{ name: o.moduleName, type: o.moduleType }]) },
    { name: 'resources.index', data: buildResourcesIndex(o.strings) },
    { name: 'ets/modules.abc', data: buildModulesAbc(o.literals) },
    { name: 'resources/base/profile/main_pages.json', data: '{"src":["pages/Index"]}' },
    ...(o.extra ?? []),
  ]);
}
