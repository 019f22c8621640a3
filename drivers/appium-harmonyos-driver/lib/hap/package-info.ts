/**
 * What the driver needs from a submitted package before installing it: the bundle name and the
 * launch ability (module.json's `app.bundleName`, `module.mainElement`, `module.name`). A .app
 * (the AppGallery bundle) holds .hap files: the entry module's is read.
 */
import { readFile } from 'node:fs/promises';
import { listZipEntries, readZipEntry } from './zip-entries.js';

export interface PackageInfo {
  bundleName: string;
  abilityName?: string;
  moduleName?: string;
  kind: 'hap' | 'app';
}

interface ModuleJson { app?: { bundleName?: string }; module?: { name?: string; type?: string; mainElement?: string } }

/** Reads module.json of a HAP given as bytes. */
export function moduleInfoOfHap(hap: Buffer): Omit<PackageInfo, 'kind'> & { moduleType?: string } {
  const entry = listZipEntries(hap).find((e) => e.name === 'module.json');
  if (!entry) throw new Error('not a Stage-model HAP: module.json is missing');
  const json = JSON.parse(readZipEntry(hap, entry).toString('utf8')) as ModuleJson;
  const bundleName = json.app?.bundleName;
  if (!bundleName) throw new Error('module.json has no app.bundleName');
  return {
    bundleName,
    ...(json.module?.mainElement ? { abilityName: json.module.mainElement } : {}),
    ...(json.module?.name ? { moduleName: json.module.name } : {}),
    ...(json.module?.type ? { moduleType: json.module.type } : {}),
  };
}

/** Reads the bundle and launch ability of a .hap or .app file. */
export async function readPackageInfo(path: string): Promise<PackageInfo> {
  const bytes = await readFile(path);
  const entries = listZipEntries(bytes);
  if (entries.some((e) => e.name === 'module.json')) return { ...strip(moduleInfoOfHap(bytes)), kind: 'hap' };
  const haps = entries.filter((e) => e.name.endsWith('.hap'));
  if (haps.length === 0) throw new Error(`${path} is neither a HAP (module.json) nor an .app (inner .hap files)`);
  const modules = haps.map((e) => moduleInfoOfHap(readZipEntry(bytes, e)));
  const entry = modules.find((m) => m.moduleType === 'entry') ?? modules[0]!;
  return { ...strip(entry), kind: 'app' };
}

function strip(info: Omit<PackageInfo, 'kind'> & { moduleType?: string }): Omit<PackageInfo, 'kind'> {
  const rest = { ...info };
  delete rest.moduleType;
  return rest;
}
