/**
 * The run's test account, decided in one place: --credentials (the file named in run-config.json)
 * first, else the device profile's `testAccount`; a replay's own --credentials first, and a profile
 * account whose scratch file is gone is read again from the named profile. Every writer of the
 * output folder masks with `runSecrets(run)`; only the explorer, the probes' sign-in and replays see
 * the account itself, through `runTestData`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCredentials, type Credentials } from '../config/credentials.js';
import { loadDeviceProfile, type DeviceProfile } from '../devices/profile.js';
import { typedValues, type TestData } from '../explore/test-data.js';
import { secretMask, type SecretMask } from '../evidence/secret-mask.js';

/** What decides a run's account: the credentials file (absolute path) and the device profile. */
export interface AccountSource {
  credentialsFile?: string | undefined;
  device: Pick<DeviceProfile, 'testAccount'>;
}

/** A run as replay and the workers read it back: the account source, the profile's name and the lab's test data. */
export interface RunAccountSource extends AccountSource {
  device: Pick<DeviceProfile, 'testAccount' | 'name'>;
  testData?: Partial<TestData>;
}

/** The run's test account, or undefined when the run has none. Throws AuditError for a bad credentials file. */
export function runAccount(run: AccountSource): Credentials | undefined {
  if (run.credentialsFile) return loadCredentials(run.credentialsFile);
  return run.device.testAccount;
}

/**
 * How the account reaches the workers: as the path of a file, never inside run-config.json (which
 * lands in the output folder). A profile's `testAccount` is moved to a 0600 file in the run's scratch
 * folder (removed with it) and left out of the device written to the run configuration.
 */
export function accountForWorkers<D extends DeviceProfile>(credentialsArg: string | undefined, device: D, scratchDir: string): { credentialsFile?: string; device: D } {
  const { testAccount, ...publicDevice } = device;
  if (credentialsArg !== undefined) return { credentialsFile: resolve(credentialsArg), device: publicDevice as D };
  if (!testAccount) return { device };
  const file = join(scratchDir, 'test-account.json');
  writeFileSync(file, JSON.stringify(testAccount), { mode: 0o600 });
  return { credentialsFile: file, device: publicDevice as D };
}

/** The mask of the run's account (`noSecrets` when there is none), for every writer of the output folder. */
export function runSecrets(run: AccountSource): SecretMask {
  return secretMask(runAccount(run));
}

/** What the run types into forms: the defaults, the lab's --test-data and the run's account (probes' replays). */
export function runTestData(run: RunAccountSource): TestData {
  return typedValues(run.testData, runAccount(run));
}

/**
 * The account of a replay: its own --credentials, else the run's. A profile's account lived in the
 * run's scratch folder (gone since), so it is read again from the named profile.
 */
export function replayAccount(run: RunAccountSource, credentialsArg?: string): Credentials | undefined {
  if (credentialsArg) return loadCredentials(credentialsArg);
  if (run.credentialsFile && existsSync(run.credentialsFile)) return runAccount(run);
  return run.device.testAccount ?? profileAccount(run.device.name);
}

function profileAccount(name: string): Credentials | undefined {
  try {
    return loadDeviceProfile(name).testAccount;
  } catch {
    return undefined;
  }
}
