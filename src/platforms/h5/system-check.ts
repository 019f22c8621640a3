/** The system packages an H5 audit needs at run time; a missing one is a clear error, not a crash. */
import { existsSync } from 'node:fs';
import { AuditError } from '../../core/errors.js';
import { CHROMEDRIVER, CHROMIUM_BINARY } from './capabilities.js';

/** Throws missing-system-dependency naming the fix. */
export function assertH5SystemDependencies(): void {
  const missing = [
    [CHROMIUM_BINARY, 'chromium'],
    [CHROMEDRIVER, 'chromium-driver'],
  ].filter(([path]) => !existsSync(path!));
  if (missing.length) {
    const packages = missing.map(([, pkg]) => pkg).join(' ');
    throw new AuditError('missing-system-dependency', `Chromium is not installed (${missing.map(([p]) => p).join(', ')} missing); run "npm run setup" as root, or "apt-get install -y ${packages} fonts-noto-cjk".`);
  }
}
