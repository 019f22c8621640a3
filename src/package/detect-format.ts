/**
 * Which kind of package a zip is, from its content (never from the extension alone), and whether
 * the extension agrees. A known extension that contradicts the content is refused; an unknown or
 * missing extension is accepted with a warning.
 */
import path from 'node:path';
import { packageError } from './errors.js';
import { ipaAppDir } from './ipa.js';
import type { PackageFacts } from './types.js';

/** Formats the reader understands. */
export type PackageFormat = PackageFacts['format'];

const FORMAT_NAMES: Record<PackageFormat, string> = {
  apk: 'an Android APK',
  hap: 'a HarmonyOS .hap module',
  app: 'a HarmonyOS .app bundle',
  ipa: 'an iOS .ipa',
};
const EXTENSIONS: Record<string, PackageFormat[]> = {
  '.apk': ['apk'],
  '.hap': ['hap'],
  '.hsp': ['hap'],
  '.app': ['app', 'hap'],
  '.ipa': ['ipa'],
};

/** Detects the format from the archive's entry names. */
export function detectFormat(names: string[], label: string): PackageFormat {
  const set = new Set(names);
  if (set.has('AndroidManifest.xml')) return 'apk';
  if (set.has('module.json') || (set.has('config.json') && set.has('resources.index'))) return 'hap';
  if (set.has('pack.info') && names.some((n) => /^[^/]+\.(hap|hsp)$/.test(n))) return 'app';
  if (ipaAppDir(names)) return 'ipa';
  if (set.has('base/manifest/AndroidManifest.xml')) {
    throw packageError(`The package ${label} is an Android App Bundle (.aab), which devices cannot install; submit the universal .apk built from it (bundletool build-apks --mode=universal).`);
  }
  if (set.has('manifest.json') && names.some((n) => /^[^/]+\.apk$/.test(n))) {
    throw packageError(`The package ${label} is a split-APK container (.xapk/.apks); submit the single installable .apk of the app.`);
  }
  throw packageError(
    `The package ${label} is a zip archive but not an app package (no AndroidManifest.xml, module.json, pack.info or Payload/<Name>.app/Info.plist); submit the .apk, .hap, .app or .ipa file.`,
  );
}

/** Throws when a known extension contradicts the content; returns a warning for unknown ones. */
export function checkExtension(file: string, format: PackageFormat, label: string): string | undefined {
  const extension = path.extname(file).toLowerCase();
  const expected = EXTENSIONS[extension];
  if (!expected) {
    return `The file name has no package extension (${extension || 'none'}); it was read by content as ${FORMAT_NAMES[format]}.`;
  }
  if (!expected.includes(format)) {
    throw packageError(
      `The package ${label} has the extension ${extension} but contains ${FORMAT_NAMES[format]}; submit the file that was filed, with its original name.`,
    );
  }
  return undefined;
}
