/** Device profiles: JSON files in devices/, validated against devices/profile.schema.json. */
import type { PlatformId } from '../platforms/platform-id.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AuditError } from '../core/errors.js';
import { didYouMean } from '../core/did-you-mean.js';
import { DEVICES_DIR } from '../core/paths.js';
import { ajv, describeSchemaError } from '../config/json-schema.js';
import type { PerformanceBudgets } from '../evidence/probe-types.js';

export interface DeviceProfile {
  name: string;
  label: string;
  platform: PlatformId;
  /** The device is a simulated one (src/sim): runs are labelled 模拟设备 and verdict.json says so. */
  simulated?: boolean;
  viewport?: { width: number; height: number; deviceScaleFactor: number };
  userAgent?: string;
  locale?: string;
  timezone?: string;
  testAccount?: { username: string; password: string };
  exploration?: { maxActions?: number; settleQuietMs?: number; settleMaxMs?: number };
  /** Performance budgets the performance check measures against, with their sources. */
  budgets?: PerformanceBudgets;
}

const validate = ajv.compile<DeviceProfile>(JSON.parse(readFileSync(join(DEVICES_DIR, 'profile.schema.json'), 'utf8')) as object);

/** Names of the bundled profiles. */
export function bundledProfileNames(): string[] {
  return readdirSync(DEVICES_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).map((f) => basename(f, '.json')).sort();
}

/** Loads a profile by bundled name or by path to a JSON file. */
export function loadDeviceProfile(nameOrPath: string): DeviceProfile {
  const isPath = nameOrPath.endsWith('.json') || nameOrPath.includes('/');
  const file = isPath ? nameOrPath : join(DEVICES_DIR, `${nameOrPath}.json`);
  if (!existsSync(file)) {
    if (isPath) throw new AuditError('bad-device', `Device profile file ${nameOrPath} does not exist; pass a bundled profile name (${bundledProfileNames().join(', ')}) or a path to a profile JSON.`);
    throw new AuditError('bad-device', `Unknown device profile "${nameOrPath}".${didYouMean(nameOrPath, bundledProfileNames())} Bundled profiles: ${bundledProfileNames().join(', ')}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AuditError('bad-device', `Device profile ${file} is not valid JSON; fix the file or use a bundled profile.`);
  }
  if (!validate(data)) {
    throw new AuditError('bad-device', `Device profile ${file}: ${describeSchemaError(validate.errors)}.`);
  }
  return data;
}
