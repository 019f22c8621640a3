/**
 * The run's test account, decided in one place: --credentials (the file named in run-config.json)
 * first, else the device profile's `testAccount`. Every writer of the output folder masks with
 * `runSecrets(run)`; only the explorer, the probes' sign-in and replays see the account itself.
 */
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

/** The mask of the run's account (`noSecrets` when there is none), for every writer of the output folder. */
export function runSecrets(run: AccountSource): SecretMask {
  return secretMask(runAccount(run));
}
