/**
 * The run configuration the CLI writes to <out>/run-config.json and every WebdriverIO worker
 * reads back (workers are separate processes; wdio.conf.ts is loaded again in each).
 * It never holds credentials: only the path of the credentials file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckId } from '../checks/catalog.js';
import type { TunableSettings } from '../checks/detectors/types.js';
import type { DeviceProfile } from '../devices/profile.js';
import type { TestData } from '../explore/test-data.js';
import { AuditError } from '../core/errors.js';
import type { AppUnderTest, DeviceSlot } from '../platforms/platform.js';
import type { PlatformId } from '../platforms/platform-id.js';

export const RUN_CONFIG_ENV = 'GOVAPP_AUDIT_RUN_CONFIG';
export const RUN_CONFIG_FILE = 'run-config.json';

export interface RunConfig {
  schemaVersion: 1;
  runId: string;
  outDir: string;
  /** Run-private scratch folder (Chromium profile, chromedriver log); its name marks our processes. */
  scratchDir: string;
  /** The app: what --app named; H5 the URL to open (a served folder's local URL); native the package file. */
  app: { target: string; platform: PlatformId; url?: string; packageFile?: string; name?: string };
  device: DeviceProfile;
  budgetSeconds: number;
  maxActions: number;
  exemptions: Partial<Record<CheckId, string>>;
  credentialsFile?: string;
  /** Appium --log-filters rule file masking the test account (in the scratch folder, never in the out dir). */
  logFiltersFile?: string;
  appiumPort: number;
  chromedriverPort: number;
  settings: TunableSettings;
  /** A lab's lexicon file (absolute path) extending the default one; read by each worker. */
  lexiconFile?: string;
  /** The lab's test data (--test-data) over the defaults: typed by the explorer, the probes and replays. Not secret. */
  testData?: Partial<TestData>;
  tool: { name: string; version: string };
  startedAt: string;
}

/** Writes the run configuration into the output folder. */
export function writeRunConfig(config: RunConfig): string {
  const file = join(config.outDir, RUN_CONFIG_FILE);
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** Reads the run configuration named by the environment (in workers and wdio.conf.ts). */
export function readRunConfigFromEnv(): RunConfig {
  const file = process.env[RUN_CONFIG_ENV];
  if (!file) {
    throw new AuditError('usage', `${RUN_CONFIG_ENV} is not set: start audits with "govapp-audit run", not with wdio directly.`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as RunConfig;
}

/** The device slot of a run on this host: its scratch folder and the ports the CLI chose. */
export function runSlot(run: RunConfig): DeviceSlot {
  return { ports: { appium: run.appiumPort, chromedriverPort: run.chromedriverPort }, scratchDir: run.scratchDir };
}

/** The app under test as the platform needs it. */
export function runApp(run: RunConfig): AppUnderTest {
  const { target, url, packageFile, name } = run.app;
  return { target, ...(url !== undefined ? { url } : {}), ...(packageFile !== undefined ? { packageFile } : {}), ...(name !== undefined ? { name } : {}) };
}
