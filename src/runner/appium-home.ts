/**
 * Appium's home is the project itself: its drivers are npm dependencies found in node_modules.
 * Appium caches where it found them (node_modules/.cache/appium/extensions.yaml) as absolute
 * paths and does not notice when the project folder moved (or its node_modules is shared with
 * another checkout): it then fails every session with "Could not read the driver manifest".
 * A cache naming drivers outside this project is dropped, and Appium rebuilds it at start.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { PROJECT_ROOT } from '../core/paths.js';

/** The folder Appium keeps its extension cache in, under `home`. */
export function appiumCacheDir(home: string): string {
  return join(home, 'node_modules', '.cache', 'appium');
}

/** True when the cache names a driver installed outside `home` (a moved or shared checkout). */
export function isStaleAppiumCache(home: string): boolean {
  const manifest = join(appiumCacheDir(home), 'extensions.yaml');
  if (!existsSync(manifest)) return false;
  const own = resolve(home) + sep;
  const paths = [...readFileSync(manifest, 'utf8').matchAll(/^\s*installPath:\s*(.+?)\s*$/gm)].map((m) => m[1]!.replace(/^['"]|['"]$/g, ''));
  return paths.some((p) => !resolve(p).startsWith(own));
}

/** Points Appium at the project as its home, dropping an extension cache left by another location. */
export function useProjectAppiumHome(home: string = PROJECT_ROOT): void {
  if (isStaleAppiumCache(home)) rmSync(appiumCacheDir(home), { recursive: true, force: true });
  process.env.APPIUM_HOME = home;
}
