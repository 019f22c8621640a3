/**
 * The batch manifest: submissions (app, the lab's credentials and test data, exemptions) and the
 * device classes each runs on, expanded into one planned audit per (submission, class). Paths are
 * resolved against the manifest's folder; every file is validated before anything starts, so a
 * mistake is one sentence and exit 2.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { resolveAppTarget } from '../config/app-target.js';
import { loadCredentials } from '../config/credentials.js';
import { parseExemptions } from '../config/exemptions.js';
import { ajv, describeSchemaError } from '../config/json-schema.js';
import { loadTestData } from '../config/test-data-file.js';
import { AuditError, isAuditError } from '../core/errors.js';
import { bundledProfileNames, loadDeviceProfile } from '../devices/profile.js';
import type { DevicePlatform } from '../devices/inventory.js';

interface Settings {
  budget?: number;
  maxActions?: number;
  deviceClasses?: string[];
  report?: boolean;
}

interface ManifestSubmission extends Settings {
  id: string;
  title?: string;
  app: string;
  credentials?: string;
  testData?: string;
  exemptions?: Record<string, string>;
}

interface ManifestFile {
  name?: string;
  output?: string;
  defaults?: Settings;
  submissions: ManifestSubmission[];
}

/** One audit of the batch: a submission on one device class. */
export interface PlannedAudit {
  /** `<submission>@<device class>`: names the audit's folder under <out>/audits/. */
  key: string;
  submission: string;
  title?: string;
  /** Absolute path of a folder or package, or a URL. */
  app: string;
  deviceClass: string;
  platform: DevicePlatform;
  budget: number;
  maxActions?: number;
  credentials?: string;
  testData?: string;
  /** `check-id:reason` values, as `run --exempt` takes them. */
  exempt: string[];
  report: boolean;
}

export interface BatchManifest {
  file: string;
  name: string;
  output?: string;
  audits: PlannedAudit[];
}

export const DEFAULT_BATCH_BUDGET_SECONDS = 60;
const SCHEMA = JSON.parse(readFileSync(new URL('./batch-manifest.schema.json', import.meta.url), 'utf8')) as object;
const validate = ajv.compile<ManifestFile>(SCHEMA);

/** Loads, validates and expands a manifest file. */
export function loadManifest(file: string): BatchManifest {
  const path = resolve(file);
  if (!existsSync(path)) throw new AuditError('bad-manifest', `Batch manifest ${file} does not exist; samples/batch.json shows the shape.`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AuditError('bad-manifest', `Batch manifest ${file} is not valid JSON; fix the file (samples/batch.json shows the shape).`);
  }
  return expandManifest(data, path);
}

/** Validates parsed manifest data (its paths relative to `path`'s folder) and plans its audits. */
export function expandManifest(data: unknown, path: string): BatchManifest {
  if (!validate(data)) throw new AuditError('bad-manifest', `Batch manifest ${path}: ${describeSchemaError(validate.errors)}.`);
  const base = dirname(path);
  const seen = new Set<string>();
  const audits: PlannedAudit[] = [];
  for (const [i, s] of data.submissions.entries()) {
    const where = `Batch manifest ${path}: /submissions/${i}`;
    if (seen.has(s.id)) throw new AuditError('bad-manifest', `${where} repeats the submission id "${s.id}"; every submission needs its own id.`);
    seen.add(s.id);
    audits.push(...planSubmission(s, data.defaults ?? {}, base, where));
  }
  return { file: path, name: data.name ?? path, audits, ...(data.output ? { output: resolve(base, data.output) } : {}) };
}

function planSubmission(s: ManifestSubmission, defaults: Settings, base: string, where: string): PlannedAudit[] {
  const app = /^[a-z][a-z0-9+.-]*:\/\//i.test(s.app) ? s.app : resolve(base, s.app);
  const credentials = s.credentials !== undefined ? resolve(base, s.credentials) : undefined;
  const testData = s.testData !== undefined ? resolve(base, s.testData) : undefined;
  const exempt = Object.entries(s.exemptions ?? {}).map(([id, reason]) => `${id}:${reason}`);
  const target = checked(where, 'app', () => resolveAppTarget(app));
  if (credentials) checked(where, 'credentials', () => loadCredentials(credentials));
  if (testData) checked(where, 'testData', () => loadTestData(testData));
  checked(where, 'exemptions', () => parseExemptions(exempt));
  const appPlatform: DevicePlatform = target.kind === 'package' ? target.platform : 'h5';
  const classes = expandClasses(s.deviceClasses ?? defaults.deviceClasses ?? ['pixel-7'], where);
  const budget = s.budget ?? defaults.budget ?? DEFAULT_BATCH_BUDGET_SECONDS;
  const maxActions = s.maxActions ?? defaults.maxActions;
  return classes.map((deviceClass) => {
    const platform = loadDeviceProfile(deviceClass).platform;
    if (platform !== appPlatform) {
      throw new AuditError('bad-manifest', `${where}/deviceClasses names "${deviceClass}", a ${platform} class, but the app ${s.app} is ${appPlatform}.`);
    }
    return {
      key: `${s.id}@${deviceClass}`, submission: s.id, app: target.kind === 'url' ? target.url : app, deviceClass, platform, budget, exempt,
      report: s.report ?? defaults.report ?? true,
      ...(s.title ? { title: s.title } : {}),
      ...(maxActions !== undefined ? { maxActions } : {}),
      ...(credentials ? { credentials } : {}),
      ...(testData ? { testData } : {}),
    };
  });
}

/** `all:h5` becomes every bundled h5 class; a named class must exist. */
function expandClasses(classes: string[], where: string): string[] {
  const out: string[] = [];
  for (const c of classes) {
    if (c.startsWith('all:')) {
      const platform = c.slice(4);
      out.push(...bundledProfileNames().filter((name) => loadDeviceProfile(name).platform === platform && !out.includes(name)));
    } else {
      checked(where, 'deviceClasses', () => loadDeviceProfile(c));
      if (!out.includes(c)) out.push(c);
    }
  }
  if (out.length === 0) throw new AuditError('bad-manifest', `${where}/deviceClasses names no bundled device class (${classes.join(', ')}).`);
  return out;
}

function checked<T>(where: string, field: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!isAuditError(error)) throw error;
    throw new AuditError('bad-manifest', `${where}/${field}: ${error.message}`);
  }
}
