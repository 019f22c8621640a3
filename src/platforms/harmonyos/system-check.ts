/**
 * What a HarmonyOS run needs on this host: our driver built (npm run setup compiles it) and, for a real
 * device, the SDK's `hdc` (HDC_PATH or on PATH). A simulated device brings its own hdc.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { AuditError } from '../../core/errors.js';
import { PROJECT_ROOT } from '../../core/paths.js';

/** The hdc to use: HDC_PATH, else the first `hdc` on PATH; undefined when there is none. */
export function findHdc(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.HDC_PATH) return existsSync(env.HDC_PATH) ? env.HDC_PATH : undefined;
  return (env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'hdc')).find((p) => existsSync(p));
}

/** Throws missing-system-dependency in one sentence naming the fix. */
export function assertHarmonyTools(simulated: boolean, env: NodeJS.ProcessEnv = process.env): void {
  if (!existsSync(join(PROJECT_ROOT, 'node_modules', 'appium-harmonyos-driver', 'build', 'index.js'))) {
    throw new AuditError('missing-system-dependency', 'The HarmonyOS driver is not built (node_modules/appium-harmonyos-driver/build): run "npm ci" then "npm run setup".');
  }
  if (!simulated && !findHdc(env)) {
    throw new AuditError('missing-system-dependency', 'hdc is not installed: put the HarmonyOS SDK command-line tools\' hdc on PATH or set HDC_PATH (it comes with DevEco Studio or the Command Line Tools, not from a package registry).');
  }
}
