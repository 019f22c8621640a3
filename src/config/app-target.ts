/**
 * What --app names: an http(s) URL (an H5 app), a folder with index.html (served locally as an
 * H5 app; the bundled samples are such folders), or a package file whose platform is read from
 * its extension (.apk, .hap/.app, .ipa).
 */
import type { NativePlatformId } from '../platforms/platform-id.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { AuditError } from '../core/errors.js';
import { didYouMean } from '../core/did-you-mean.js';
import { DEFAULT_SAMPLE, SAMPLES_DIR } from '../core/paths.js';

export type PackagePlatform = NativePlatformId;

export type AppTarget =
  | { kind: 'url'; url: string }
  | { kind: 'folder'; dir: string; name: string; bundledSample: boolean }
  | { kind: 'package'; file: string; platform: PackagePlatform; extension: string };

const PACKAGE_EXTENSIONS: Record<string, PackagePlatform> = {
  '.apk': 'android', '.aab': 'android', '.xapk': 'android',
  '.hap': 'harmonyos', '.app': 'harmonyos',
  '.ipa': 'ios',
};

/** Resolves --app (or its absence: the embedded default sample). */
export function resolveAppTarget(app: string | undefined): AppTarget {
  if (app === undefined) return sampleTarget(DEFAULT_SAMPLE);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(app)) {
    let url: URL;
    try {
      url = new URL(app);
    } catch {
      throw new AuditError('bad-app', `--app ${app} is not a valid URL; give an http(s) URL, a package file (.apk, .hap, .app, .ipa) or a folder with index.html.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new AuditError('bad-app', `--app ${app} uses ${url.protocol.slice(0, -1)}, but only http and https URLs can be audited as H5 apps.`);
    }
    return { kind: 'url', url: url.href };
  }
  if (app.startsWith('sample:')) return sampleTarget(app.slice('sample:'.length));
  const path = resolve(app);
  if (!existsSync(path)) {
    throw new AuditError('bad-app', `--app ${app} does not exist; give an http(s) URL, an existing package file (.apk, .hap, .app, .ipa) or a folder with index.html.`);
  }
  const stat = statSync(path);
  const extension = extname(path).toLowerCase();
  if (stat.isDirectory()) {
    if (existsSync(join(path, 'index.html'))) return { kind: 'folder', dir: path, name: basename(path), bundledSample: false };
    throw new AuditError('bad-app', `--app ${app} is a folder without index.html; give a package file, a URL, or an H5 app folder.`);
  }
  const platform = PACKAGE_EXTENSIONS[extension];
  if (!platform) {
    throw new AuditError('bad-app', `--app ${app} has the extension "${extension || '(none)'}", which is not an app package; supported: ${Object.keys(PACKAGE_EXTENSIONS).join(', ')}, an http(s) URL, or an H5 app folder.`);
  }
  if (stat.size === 0) throw new AuditError('bad-package', `--app ${app} is an empty file; submit the original package.`);
  return { kind: 'package', file: path, platform, extension };
}

/** The bundled sample app names. */
export function sampleNames(): string[] {
  return existsSync(SAMPLES_DIR) ? readdirSyncSafe(SAMPLES_DIR).filter((n) => existsSync(join(SAMPLES_DIR, n, 'index.html'))).sort() : [];
}

function sampleTarget(name: string): AppTarget {
  const dir = join(SAMPLES_DIR, name);
  if (!existsSync(join(dir, 'index.html'))) {
    throw new AuditError('bad-app', `Unknown sample app "${name}".${didYouMean(name, sampleNames())} Bundled samples: ${sampleNames().join(', ') || '(none)'}.`);
  }
  return { kind: 'folder', dir, name, bundledSample: true };
}

function readdirSyncSafe(dir: string): string[] {
  try { return readdirSync(dir); } catch { return []; }
}
