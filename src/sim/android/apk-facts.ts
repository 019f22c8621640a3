/**
 * What the simulated package manager reads from an APK at install time: the binary manifest (package, versions,
 * activities, launcher, permissions, instrumentation) and, for sample apps, the scripted model in
 * `assets/sim-app.json`. Uses the project's binary XML reader, so the real file is what gets installed.
 */
import yauzl from 'yauzl';
import { attrText, childrenNamed, parseBinaryXml, type XmlElement } from '../../package/binary-xml.js';
import type { PackageFacts } from '../engine/installed-package.js';
import { parseAppModel } from '../engine/app-model-validate.js';

const MODEL_ENTRY = 'assets/sim-app.json';
const MAX_ENTRY_BYTES = 8 * 1024 * 1024;

/** Reads an APK file into package facts; throws with adb's failure code text when the file is not an APK. */
export async function readApkFacts(path: string): Promise<PackageFacts> {
  const entries = await readEntries(path, ['AndroidManifest.xml', MODEL_ENTRY]);
  const manifest = entries.get('AndroidManifest.xml');
  if (!manifest) throw new Error('INSTALL_PARSE_FAILED_NOT_APK: no AndroidManifest.xml');
  const facts = manifestFacts(parseBinaryXml(manifest, 64));
  const model = entries.get(MODEL_ENTRY);
  if (model) {
    facts.model = parseAppModel(JSON.parse(model.toString('utf8')) as unknown, `${path}!/${MODEL_ENTRY}`);
    facts.label = facts.model.label;
    if (facts.model.package !== facts.packageName) throw new Error(`INSTALL_FAILED_INVALID_APK: ${MODEL_ENTRY} is for ${facts.model.package}, the manifest says ${facts.packageName}`);
  }
  return facts;
}

/** Package facts from a parsed manifest. */
export function manifestFacts(root: XmlElement): PackageFacts {
  const packageName = attrText(root, 'package') ?? '';
  if (!packageName) throw new Error('INSTALL_PARSE_FAILED_MANIFEST_MALFORMED: no package name');
  const sdk = childrenNamed(root, 'uses-sdk')[0];
  const app = childrenNamed(root, 'application')[0];
  const activities = app ? [...childrenNamed(app, 'activity'), ...childrenNamed(app, 'activity-alias')] : [];
  const launcher = activities.find(isLauncher);
  const instrumentation = childrenNamed(root, 'instrumentation')[0];
  const facts: PackageFacts = {
    packageName,
    versionCode: Number(attrText(root, 'versionCode') ?? '1') || 1,
    versionName: attrText(root, 'versionName') ?? '1.0',
    activities: activities.map((a) => qualifyName(attrText(a, 'name') ?? '', packageName)),
    requestedPermissions: childrenNamed(root, 'uses-permission').map((p) => attrText(p, 'name') ?? '').filter(Boolean),
  };
  const minSdk = Number(sdk ? attrText(sdk, 'minSdkVersion') : undefined);
  const targetSdk = Number(sdk ? attrText(sdk, 'targetSdkVersion') : undefined);
  if (minSdk) facts.minSdk = minSdk;
  if (targetSdk) facts.targetSdk = targetSdk;
  if (launcher) facts.launchActivity = qualifyName(attrText(launcher, 'name') ?? '', packageName);
  if (instrumentation) {
    facts.instrumentation = {
      name: `${packageName}/${qualifyName(attrText(instrumentation, 'name') ?? '', packageName)}`,
      targetPackage: attrText(instrumentation, 'targetPackage') ?? packageName,
    };
  }
  return facts;
}

function isLauncher(activity: XmlElement): boolean {
  return childrenNamed(activity, 'intent-filter').some((f) =>
    childrenNamed(f, 'action').some((a) => attrText(a, 'name') === 'android.intent.action.MAIN') &&
    childrenNamed(f, 'category').some((c) => attrText(c, 'name') === 'android.intent.category.LAUNCHER'));
}

function qualifyName(name: string, pkg: string): string {
  if (name.startsWith('.')) return pkg + name;
  return name.includes('.') ? name : `${pkg}.${name}`;
}

function readEntries(path: string, wanted: string[]): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err) return reject(new Error(`INSTALL_PARSE_FAILED_NOT_APK: ${err.message}`));
      const found = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(found));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!wanted.includes(entry.fileName) || entry.uncompressedSize > MAX_ENTRY_BYTES) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            found.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.readEntry();
    });
  });
}
