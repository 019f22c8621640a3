/**
 * What the simulated bundle manager reads from a .hap at install time: module.json (bundle, versions,
 * abilities, main element, requested permissions, API levels) and, for sample apps, the scripted model in
 * `resources/rawfile/sim-app.json`. The real file is what gets installed.
 */
import yauzl from 'yauzl';
import type { PackageFacts } from '../engine/installed-package.js';
import { parseAppModel } from '../engine/app-model-validate.js';

export const MODEL_ENTRY = 'resources/rawfile/sim-app.json';
const MAX_ENTRY_BYTES = 8 * 1024 * 1024;

/** A HAP's facts plus what only HarmonyOS has: its module name and type. */
export interface HapFacts extends PackageFacts {
  moduleName: string;
  moduleType: string;
}

interface ModuleJson {
  app?: { bundleName?: string; versionCode?: number; versionName?: string; label?: string; minAPIVersion?: number; targetAPIVersion?: number };
  module?: { name?: string; type?: string; mainElement?: string; abilities?: { name?: string }[]; requestPermissions?: { name?: string }[] };
}

/** API level of a module.json version field (`50005017` = 5.0.5(17) → 17; a plain `12` → 12). */
export function apiLevelOf(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  return value > 1000 ? value % 1000 : value;
}

/** Reads a HAP file into package facts; throws the bundle manager's parse error text when it is not one. */
export async function readHapFacts(path: string): Promise<HapFacts> {
  const entries = await readEntries(path, ['module.json', MODEL_ENTRY]);
  const raw = entries.get('module.json');
  if (!raw) throw new Error('error: failed to install bundle. code:9568305 error: install parse profile missing prop.');
  const json = JSON.parse(raw.toString('utf8')) as ModuleJson;
  const bundleName = json.app?.bundleName;
  if (!bundleName) throw new Error('error: failed to install bundle. code:9568305 error: install parse profile missing prop.');
  const abilities = (json.module?.abilities ?? []).map((a) => a.name).filter((n): n is string => !!n);
  const minSdk = apiLevelOf(json.app?.minAPIVersion);
  const targetSdk = apiLevelOf(json.app?.targetAPIVersion);
  const facts: HapFacts = {
    packageName: bundleName,
    versionCode: json.app?.versionCode ?? 1,
    versionName: json.app?.versionName ?? '1.0.0',
    ...(minSdk !== undefined ? { minSdk } : {}),
    ...(targetSdk !== undefined ? { targetSdk } : {}),
    ...(json.module?.mainElement ? { launchActivity: json.module.mainElement } : {}),
    activities: abilities,
    requestedPermissions: (json.module?.requestPermissions ?? []).map((p) => p.name).filter((n): n is string => !!n),
    moduleName: json.module?.name ?? 'entry',
    moduleType: json.module?.type ?? 'entry',
  };
  const model = entries.get(MODEL_ENTRY);
  if (model) {
    facts.model = parseAppModel(JSON.parse(model.toString('utf8')) as unknown, `${path}!/${MODEL_ENTRY}`);
    facts.label = facts.model.label;
    if (facts.model.package !== bundleName) throw new Error(`error: failed to install bundle. ${MODEL_ENTRY} is for ${facts.model.package}, module.json says ${bundleName}`);
  }
  return facts;
}

function readEntries(path: string, names: string[]): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) {
        reject(new Error(`error: failed to install bundle. code:9568268 error: install parse unexpected. (${err?.message ?? 'not a zip'})`));
        return;
      }
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!names.includes(entry.fileName) || entry.uncompressedSize > MAX_ENTRY_BYTES) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) {
            reject(e ?? new Error('unreadable entry'));
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
