/**
 * What the simulated iPhone reads from an .ipa when it is installed: Info.plist (bundle id, display
 * name, versions, the usage descriptions it declares) and, for sample apps, the scripted model at
 * Payload/<Name>.app/sim-app.json. Uses the project's plist reader, so the real file is installed.
 */
import yauzl from 'yauzl';
import { parsePlist, isDict, type PlistValue } from '../../package/plist-reader.js';
import { parseAppModel } from '../engine/app-model-validate.js';
import type { PackageFacts } from '../engine/installed-package.js';

const INFO = /^Payload\/([^/]+)\.app\/Info\.plist$/;
const MAX_ENTRY_BYTES = 8 * 1024 * 1024;

export interface IpaFacts extends PackageFacts {
  /** Usage key → the purpose string the permission alert shows. */
  usage: Record<string, string>;
}

const text = (v: PlistValue | undefined): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** Reads an .ipa file; throws when it is not one. */
export async function readIpaFacts(path: string): Promise<IpaFacts> {
  const entries = await readEntries(path, (name) => INFO.test(name) || /^Payload\/[^/]+\.app\/sim-app\.json$/.test(name));
  const infoName = [...entries.keys()].find((n) => INFO.test(n));
  if (!infoName) throw new Error(`${path} is not an .ipa: no Payload/<Name>.app/Info.plist`);
  const info = parsePlist(entries.get(infoName)!, 32);
  if (!isDict(info)) throw new Error(`${infoName} is not a dictionary`);
  const bundleId = text(info.CFBundleIdentifier);
  if (!bundleId) throw new Error(`${infoName} has no CFBundleIdentifier`);
  const usage: Record<string, string> = {};
  for (const [k, v] of Object.entries(info)) if (/^NS\w+UsageDescription$/.test(k) && typeof v === 'string') usage[k] = v;
  const facts: IpaFacts = {
    packageName: bundleId, versionCode: Number(text(info.CFBundleVersion) ?? '1') || 1, versionName: text(info.CFBundleShortVersionString) ?? '1.0',
    label: text(info.CFBundleDisplayName) ?? text(info.CFBundleName) ?? bundleId, activities: [], requestedPermissions: Object.keys(usage),
    launchActivity: 'UIApplicationMain', usage,
  };
  const modelName = infoName.replace(/Info\.plist$/, 'sim-app.json');
  const model = entries.get(modelName);
  if (model) {
    facts.model = parseAppModel(JSON.parse(model.toString('utf8')) as unknown, `${path}!/${modelName}`);
    if (facts.model.package !== bundleId) throw new Error(`${modelName} is for ${facts.model.package}, Info.plist says ${bundleId}`);
    facts.activities = Object.values(facts.model.screens).map((s) => s.activity);
  }
  return facts;
}

function readEntries(path: string, wanted: (name: string) => boolean): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(new Error(`${path} is not a zip archive: ${error.message}`));
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!wanted(entry.fileName) || entry.uncompressedSize > MAX_ENTRY_BYTES) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => { out.set(entry.fileName, Buffer.concat(chunks)); zip.readEntry(); });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
