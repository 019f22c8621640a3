/**
 * The run's test account, decided in one place: --credentials (the file named in run-config.json)
 * first, else the device profile's `testAccount`. Every writer of the output folder masks with
 * `runSecrets(run)`; only the explorer, the probes' sign-in and replays see the account itself.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCredentials, type Credentials } from '../config/credentials.js';
import type { DeviceProfile } from '../devices/profile.js';
import { secretMask, type SecretMask } from '../evidence/secret-mask.js';

/** What decides a run's account: the credentials file (absolute path) and the device profile. */
export interface AccountSource {
  credentialsFile?: string | undefined;
  device: Pick<DeviceProfile, 'testAccount'>;
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
